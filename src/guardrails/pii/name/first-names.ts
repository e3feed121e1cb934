/**
 * Given names common across Europe, the Americas and elsewhere that the general English name
 * lexicon lacks. Lower case, grouped by language area; used only as one signal among several.
 */
export const EXTRA_FIRST_NAMES: readonly string[] = [
  // Nordic
  'aksel anders ane anja anneli anni annika arne arvid asbjørn asger astrid atle bengt birgit birgitta bjarne bjørn ' +
    'bo bodil britt camilla dagny dagmar einar eino eira eivind elin elina ellen elsa elsebeth emil erik ' +
    'eskil espen eyvind finn frederik frederikke freja frida frode gerd gudrun gunhild gunnar gunvor gustav hakon håkon ' +
    'halvard hanne hans harald hedvig helga helge henrik hjalmar ingeborg inger ingrid ingvar jens jesper ' +
    'jorunn kaja kajsa karin karl karsten katrine kjell kjersti klaus knud knut kristian kristin kristina kristoffer ' +
    'lars lasse leif lene lisbeth liv lone magnus malene malin maren margit mette mikael mikkel morten nils njål oda ' +
    'ola olav ole oskar ove pernille pia poul rasmus ragnar ragnhild randi rune sigrid sigurd sindre siv solveig ' +
    'steinar stig sune sunniva svend sven svein synnøve søren terje thea thor thora tobias tone torbjørn tore torstein ' +
    'trine trond turid ulf ulla ulrik vibeke viggo vilhelm vilma åse åsa ebbe edvard aqqaluk nivi inuk',
  // Finnish and Estonian
  'aino aki aleksi anneli antti ari arja arto eero eila eija elina esa esko hannu harri heikki helena helmi henna ' +
    'ilkka irja jaana jani jari jarmo jouko jouni juha juhani jukka jussi jyrki kaarina kaija kalevi kari kaarlo ' +
    'kirsi kristiina laila lauri leena lempi liisa maija marja markku marjatta matti merja mika mikko minna niina ' +
    'olavi onni otto paavo päivi pasi pekka pentti petri pirjo pirkko raija raimo riikka riitta risto ritva sami ' +
    'sanna sari satu seppo sirkka sirpa siiri soile tapani tapio tarja teemu terhi timo tuomas tuula tuulikki ' +
    'ulla urho veikko vesa ville virpi väinö aare aarne andres anu enn ene heino heli indrek jaak jaan kadri kaja ' +
    'kalju kersti kristjan külli lembit liina maarja mait margus marje meelis merike priit peeter rein siim taavi tiit ' +
    'tiina toomas triin tõnu urmas ülle valdo',
  // Icelandic
  'agnar arnar ari ásgeir ásta auður baldur benedikt birgir bjarki bragi dagur einar egill eiður elín eyþór freyr ' +
    ' guðmundur guðrún gunnar gylfi halldór hallgrímur haraldur hákon helgi hildur hrafn hörður ingibjörg jón ' +
    'jónas katrín kristján magnús ólafur ómar páll ragnar ragnheiður rúnar sigrún sigurður snorri steinunn ' +
    'sveinn sölvi tómas unnur vigdís vilhjálmur þorsteinn þórður garðar ágúst',
  // German, Dutch, Flemish
  'andreas anke annegret annelies arend bart bas benedikt berend bernd bram brigitte christoph cornelis daan dieter ' +
    'dirk egbert elke erwin fenna femke frank franz frauke friedrich fritz geert gerrit gerhard gisela ' +
    'gottfried guus günter günther hannelore hannes heinz helmut hendrik hennie herbert hermann hilde horst ilse ' +
    'ingo jannes jeroen joost jörg jürgen karl-heinz katja klaas kees lieke lotte ludwig luuk maarten margarethe ' +
    'marijke maurits meike merel mirjam niek noortje olaf pieter rainer reinhard renate rutger ruud sabine sander ' +
    'sanne siegfried silke sjoerd stefanie theo thijs tjeerd udo ulrike ursula uwe volker walther wiebke ' +
    'willem willemijn wim wolfgang wouter ',
  // French
  'adèle agathe alain alix amandine anaïs antoine apolline arnaud aurélie aurélien baptiste bastien benoît ' +
    'bernadette brigitte capucine chantal christophe clémence clément colette corentin dominique ' +
    'élodie éloïse émile étienne fabien fabrice françois françoise gaëlle gaétan geneviève gérard ghislaine ' +
    'guillaume hélène hervé jacqueline jacques jean jeanne jérôme josiane julien laure laurent léa léon léonie ' +
    'lucienne lucile madeleine manon marcel margaux marius mathieu mathilde maxime mélanie michèle nathalie noël ' +
    'océane odette pascal pascale philippe pierre pierrick raphaël régis rémi rené renée sébastien solène stéphane ' +
    'sylvie thibault thierry timothée valérie véronique yannick yves yvette yvonne zoé ',
  // Italian
  'alessandro alessia alessio angelo antonella antonio arianna beatrice benedetta bruno carla carlo carmela ' +
    ' chiara cristina davide donatella elisabetta emanuele enrico enzo fabio fabrizio federica federico ' +
    'filippo flavia francesca francesco gabriele giacomo gianluca gianni giorgia giorgio giovanna giovanni giulia ' +
    'giulio giuseppe giuseppina ilaria lorenzo luca lucia luigi marcello marco matteo mattia maurizio ' +
    'michele nicola nunzia ornella paola paolo piero pietro raffaele riccardo roberta rocco ' +
    'salvatore serena silvio simona simone stefano tommaso valentina vincenzo vittoria vittorio fausto ottavio',
  // Spanish and Portuguese
  ' adriana agustín alejandra alfonso álvaro amparo aránzazu benedicto ' +
    'carmen catalina concepción consuelo domingo dolores eduardo elena emilio encarnación esperanza esteban ' +
    'eugenia fernando gonzalo guadalupe héctor ignacio inés iñaki iñigo jaime javier jesús joaquín jorge josé josefa ' +
    'juan juana julián leticia lorena lucía luis manuel marisol mercedes milagros montserrat nerea pablo ' +
    'paloma pilar rafael ramón remedios rocío rodrigo rosario santiago sergio soledad teresa vicente ximena ' +
    'afonso benedita cauã conceição diogo fabiana fernão flávia gonçalo joão julieta leonor luís luíza luiza ' +
    'marcos mariana matheus otávio rafaela rui sebastião simão tânia thiago vitória martim ',
  // Polish, Czech, Slovak
  'agnieszka aleksandra andrzej barbara bartłomiej bartosz bogdan bogusław bożena celina czesław dariusz dobrosław ' +
    'dorota edyta elżbieta eustachy ewa grażyna grzegorz halina irena iwona jacek jadwiga jakub janina jarosław ' +
    'jerzy juliusz kamil karolina katarzyna kazimierz krystyna krzysztof leokadia leszek łukasz maciej małgorzata ' +
    'marcin mariusz marzena mieczysław mirosław monika przemek przemysław radosław rościsław ryszard sławomir ' +
    'stanisław stefania szymon tadeusz tomasz urszula wacław waldemar wiesław wisława witold władysław wojciech ' +
    'zbigniew zdzisław zofia zuzanna bohumil bohuslav božena dagmar drahomíra hana jarmila jaroslav jaroslava ' +
    'jindřich jiří josef kateřina květa libor ludmila lubomír marcela michal miloš miroslav miroslava ondřej ' +
    'pavla přemysl radek radka šárka stanislava svatopluk tereza vladimír vlasta václav věra vítězslav zdeněk ' +
    'zdeňka ľubica ľubomír jozef mária',
  // Hungarian
  'ágnes ágota andrás anikó attila balázs béla bence berta csaba dániel dezső edit emese endre ' +
    'erzsébet ferenc gábor gergely gyula györgy ildikó imre istván jános jenő judit kálmán katalin krisztián ' +
    'krisztina lajos lászló levente lőrinc márta mátyás mihály miklós nándor orsolya pál péter piroska réka rezső ' +
    'sándor szabina szilvia tamás tibor tünde vilmos zoltán zsófia zsolt zsuzsanna janka ',
  // South Slavic
  'aleksandar andrija bojan boris borna božidar branka branko darijo davor dragan dragana drago ' +
    'dušan đoko đorđe goran gordana ivan ivana ivica jadranka janez jasna jelena jožef jure katarina ljiljana ' +
    'ljubica marija marko matej milan milena miloš mirjana mladen nataša nebojša nenad nikola ognjen ' +
    'petar polona predrag radovan ratko sanja slavko snežana srđan stanko stjepan tanja tomislav uroš ' +
    'velimir vesna vladimir vlado zdravko željko zoran zvonimir ',
  // Russian, Ukrainian, Caucasus, Central Asia
  'afanasiy akulina alevtina alexei aleksei anastasia anatoly andrei arkady artyom dmitri dmitry ' +
    ' evgeny evgenia fedor gennady grigory igor ilya inna irina kirill konstantin ksenia lyudmila ' +
    'mikhail nadezhda nikita nikolai oksana olga pavel pyotr radik rustam ruslan semyon sergei sergey ' +
    'stanislav svetlana taras timur valentina valery vasily vera viktor vsevolod yaroslav yekaterina yelena ' +
    'yevgeny yulia yuri zaur zhanna aslan bislan magomed ramzan shamil akhmed khava zelimkhan ' +
    ' samir',
  // Greek, Turkish, Middle East
  'alexandros anastasios andreas angeliki apostolos athanasios christos dimitrios dimitra eleni eleftheria ' +
    'evangelos georgios ioannis kalliopi konstantinos kostas nikolaos panagiotis paraskevi spyros stavros ' +
    'theodoros vasileios vasiliki yiannis zoi ahmet ayşe burak can cem deniz elif emre esra fatma hakan hülya ' +
    'kemal mehmet mustafa murat özge selin serkan tuğba yusuf zeynep ali amir amira fatima hassan hussein karim ' +
    'khalid layla leila mariam mohammed nadia omar rania reza said salma samira tariq yasmin youssef ' +
    ' tsegaye abebe haile yonas',
  // East and South Asia
  'akinori akira ayumi chihiro daiki daisuke haruka haruto hikari hina hiroshi hiroto ichiro izumi kaito kazuki ' +
    'kenji kenta koji mai makoto masato megumi minoru naoki naomi riku ryo ryota sakura satoshi shota ' +
    'sora takashi takumi taro tomoko yui yuki yuko yuma yusuke yuta aarav aditi aditya ananya arjun ' +
    'deepak divya gaurav kavya lakshmi manoj meera neha pooja pradeep priya rahul rajesh rohan sanjay sunil vikram ' +
    'anh bao duc hanh hoa huong linh minh ngoc phuong quang thanh thu trang tuan wei xiaoming yan ying zhang ' +
    'ji-hoon ji-woo min-jun seo-yeon',
  // English-speaking and general
  'abby alexa alisha alistair alyssa annabel ashlyn aubrey bryce caitlyn callum cormac darcy deirdre desmond ' +
    'destiny eamon eoin fergus fiona fletcher freddie freddy gemma hamish imogen isla keira kirsty lachlan ' +
    ' liam lorcan maeve mairead moira niamh oisin orla padraig ronan saoirse seamus siobhan tadhg ' +
    'thaddeus tristan zak ',
].flatMap((group) => group.split(/\s+/).filter(Boolean));
