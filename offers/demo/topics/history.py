"""Demo topics for museums and archives: prehistory, vikings, middle ages, local and modern history."""

from offers.demo.topics.base import UNGDOM, Topic, dag, kl, kl_ungdom

TOPICS = (
    Topic(
        tag="viking",
        titles=("Vikingetid på egen krop", "En dag som viking", "Vikingernes hverdag"),
        summary="Eleverne prøver vikingetidens håndværk og hverdagsliv og undersøger museets fund som "
        "historiske kilder.",
        about="Hvordan levede man i en vikingelandsby for 1.000 år siden? Eleverne møder museets genstande fra "
        "vikingetiden og bruger dem som kilder til at forstå mad, arbejde, tro og handel.",
        activities=(
            "Vi maler korn på en kværnsten og bager fladbrød over bål",
            "Eleverne prøver at spinde, flette og smede som vikingerne",
            "Vi undersøger fund fra udgravninger og taler om, hvad de fortæller",
            "Eleverne klæder sig ud og dramatiserer en dag på vikingegården",
        ),
        grades=(kl(3, 6), kl(4, 6), kl(2, 4)),
        themes=("vikingetid", "vikinger", "håndværk", "oldtid", "kildekritik"),
        subjects=("historie", "dansk", "natur-teknologi"),
    ),
    Topic(
        tag="viking",
        titles=("Vikingeskibe og søfart", "Byg et vikingeskib", "Med vikingeskibet over havet"),
        summary="Om vikingeskibets konstruktion, navigation og de lange rejser – vikingeskibet som "
        "udgangspunkt for både historie og fysik.",
        about="Vikingeskibet var tidens mest avancerede teknologi. Eleverne undersøger, hvordan skibene blev "
        "bygget, hvorfor de kunne sejle så hurtigt, og hvordan vikingerne fandt vej uden kompas.",
        activities=(
            "Vi studerer vrag og modeller af vikingeskibe",
            "Eleverne bygger en lille skibsmodel og tester den i vand",
            "Vi navigerer efter sol og stjerner som vikingerne",
            "Eleverne ror en rekonstrueret båd, når vejret tillader det",
        ),
        grades=(kl(4, 6), kl(5, 8), kl_ungdom(8)),
        themes=("vikingeskib", "vikingetid", "søfart", "teknologi", "handel"),
        subjects=("historie", "natur-teknologi", "fysik-kemi", "matematik"),
        gym_subjects=("historie", "fysik"),
        sdgs=(14, 9),
    ),
    Topic(
        tag="viking",
        titles=("Runer og myter fra vikingetiden", "Nordisk mytologi: Thor, Odin og Loke", "Skriv med runer"),
        summary="Eleverne arbejder med runeskrift, runesten og de nordiske myter og skriver deres egen "
        "runeindskrift.",
        about="Runestenene er vikingetidens egne tekster. Med udgangspunkt i museets runesten og de nordiske "
        "myter arbejder eleverne med skrift, fortælling og tro i vikingetiden.",
        activities=(
            "Vi læser runesten sammen og oversætter indskrifterne",
            "Eleverne hugger eller maler deres egen runeindskrift",
            "Vi fortæller myterne om Thor, Odin og Loke",
            "Eleverne sammenligner nordisk tro med kristendommen",
        ),
        grades=(kl(2, 4), kl(3, 5), kl(4, 6)),
        themes=("vikingetid", "runer", "mytologi", "fortælling"),
        subjects=("historie", "dansk", "kristendomskundskab"),
    ),
    Topic(
        tag="oldtid",
        titles=("Stenalderliv: flint, ild og fangst", "Jægerstenalder på egen krop", "Fra jæger til bonde"),
        summary="Eleverne prøver stenalderens teknikker og undersøger, hvordan mennesker levede af naturen for "
        "6.000 år siden.",
        about="I stenalderen levede menneskene af jagt, fiskeri og indsamling og senere af de første marker. "
        "Eleverne undersøger flintredskaber, knogler og kulturlag og prøver selv teknikkerne.",
        activities=(
            "Vi tænder ild med flint og tøndersvamp",
            "Eleverne kaster med spyd og skyder med bue",
            "Vi undersøger flintøkser og skrabere fra museets samling",
            "Eleverne tilbereder mad over bål som i stenalderen",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(3, 5)),
        themes=("stenalder", "oldtid", "arkæologi", "friluftsliv"),
        subjects=("historie", "natur-teknologi", "idraet"),
        sdgs=(15,),
    ),
    Topic(
        tag="oldtid",
        titles=("Bronzealderens gåder", "Solvognen og bronzealderen", "Gravhøje og guldskatte"),
        summary="Om bronzealderens samfund, gravhøje og soldyrkelse – med genstande fra museets samling som "
        "kilder.",
        about="Bronzealderen har sat tydelige spor i det danske landskab. Eleverne arbejder med gravhøje, "
        "helleristninger og bronzegenstande og diskuterer, hvad vi kan vide om mennesker uden skriftsprog.",
        activities=(
            "Vi besøger en gravhøj og tegner den ind på et kort",
            "Eleverne støber en kopi af et smykke i tin",
            "Vi undersøger helleristninger og tolker symbolerne",
            "Eleverne laver en tidslinje fra stenalder til jernalder",
        ),
        grades=(kl(3, 5), kl(4, 6)),
        themes=("bronzealder", "oldtid", "arkæologi", "gravhøje"),
        subjects=("historie", "billedkunst", "kristendomskundskab"),
    ),
    Topic(
        tag="oldtid",
        titles=("Arkæolog for en dag", "Arkæologernes metoder", "Udgravning: spor i jorden"),
        summary="Eleverne graver, registrerer og tolker fund som rigtige arkæologer og lærer, hvordan "
        "historien bliver til.",
        about="Arkæologi er detektivarbejde. Eleverne får arkæologens værktøj i hænderne, udgraver et prøvefelt "
        "og registrerer deres fund. Bagefter diskuterer vi, hvordan fund bliver til viden om fortiden.",
        activities=(
            "Eleverne udgraver et prøvefelt med graveske og pensel",
            "Vi måler op og tegner fundene ind på en plan",
            "Eleverne daterer fund ud fra jordlagene",
            "Vi sammenligner elevernes tolkninger med museets",
        ),
        grades=(kl(3, 6), kl(5, 7), kl_ungdom(8)),
        themes=("arkæologi", "oldtid", "kildekritik", "metode"),
        subjects=("historie", "matematik", "natur-teknologi"),
        gym_subjects=("historie", "oldtidskundskab"),
    ),
    Topic(
        tag="middelalder",
        titles=("Middelalderens by", "Borg og by i middelalderen", "Riddere, borge og købmænd"),
        summary="Eleverne undersøger middelalderens by og borg – handel, håndværk, kirke og magt.",
        about="I middelalderen voksede købstæderne frem omkring kirker, borge og markeder. Eleverne går på "
        "opdagelse i middelalderens samfund og finder spor af det i {place} i dag.",
        activities=(
            "Vi går en tur i middelalderens gader og finder spor i byen",
            "Eleverne prøver smedens, garverens og skriverens håndværk",
            "Vi diskuterer, hvem der havde magten: kongen, kirken eller købmanden",
            "Eleverne skriver med fjerpen og blæk",
        ),
        grades=(kl(3, 5), kl(4, 7)),
        themes=("middelalder", "borge", "købstad", "håndværk"),
        subjects=("historie", "dansk", "kristendomskundskab"),
        sdgs=(11,),
    ),
    Topic(
        tag="middelalder",
        titles=("Klosterliv og urtehave", "Munke, nonner og lægeurter"),
        summary="Om klostrenes hverdag i middelalderen, urtehaven og middelalderens syn på sygdom og "
        "helbredelse.",
        about="Klostrene var middelalderens skoler, hospitaler og gartnerier. Eleverne besøger urtehaven, lærer "
        "om lægeurter og undersøger, hvordan munke og nonner levede efter en fast døgnrytme.",
        activities=(
            "Vi dufter og smager til planterne i urtehaven",
            "Eleverne laver en salve af lægeurter",
            "Vi følger klostrets tidebønner gennem en dag",
            "Eleverne sammenligner middelalderens og nutidens medicin",
        ),
        grades=(kl(4, 6), kl(6, 8)),
        themes=("middelalder", "kloster", "lægeurter", "sundhed"),
        subjects=("historie", "kristendomskundskab", "natur-teknologi", "biologi"),
        sdgs=(3,),
    ),
    Topic(
        tag="lokalhistorie",
        titles=(
            "Byvandring: {place} gennem tiderne",
            "Historiske spor i {place}",
            "Byens historie fortalt på stedet",
        ),
        summary="En byvandring, hvor eleverne læser byens huse, gader og pladser som historiske kilder.",
        about="Byen er fuld af historie, hvis man ved, hvor man skal kigge. På en vandring gennem {place} "
        "undersøger eleverne bygninger, gadenavne og mindesmærker og diskuterer, hvordan byen har forandret sig.",
        activities=(
            "Vi sammenligner gamle fotografier med byen i dag",
            "Eleverne løser opgaver undervejs på ruten",
            "Vi finder årstal, gadenavne og mindesmærker og placerer dem på en tidslinje",
            "Eleverne præsenterer deres yndlingssted i byen",
        ),
        grades=(kl(3, 5), kl(4, 6), kl(7, 9)),
        themes=("lokalhistorie", "byhistorie", "kulturarv", "byrum"),
        subjects=("historie", "dansk", "samfundsfag", "geografi"),
        gym_subjects=("historie", "samfundsfag"),
        sdgs=(11,),
    ),
    Topic(
        tag="lokalhistorie",
        titles=("Skolestuen anno 1900", "Skoledag som i oldefars tid", "Dengang i skolen"),
        summary="Eleverne oplever en skoledag som for over 100 år siden – med tavle, griffel, salmevers og en "
        "streng lærer.",
        about="Hvordan var det at gå i skole, da oldeforældrene var børn? I den gamle skolestue oplever "
        "eleverne en skoletime med datidens regler, bøger og straffe, og bagefter taler vi om, hvad der har "
        "ændret sig.",
        activities=(
            "Eleverne skriver med griffel på tavle og med pen og blæk",
            "Vi synger morgensang og regner hovedregning som i 1900",
            "Eleverne sammenligner skolens regler dengang og nu",
            "Vi leger gårdlege fra oldeforældrenes barndom",
        ),
        grades=(kl(0, 2), kl(1, 3), kl(2, 4)),
        themes=("skolehistorie", "barndom", "lokalhistorie", "1900-tallet"),
        subjects=("historie", "dansk", "kristendomskundskab"),
    ),
    Topic(
        tag="industri",
        titles=(
            "Industrialiseringen: fra håndkraft til maskiner",
            "Arbejderliv omkring år 1900",
            "Fabrikken og arbejderne",
        ),
        summary="Om industrialiseringen i Danmark: fabrikker, arbejderkår, børnearbejde og fagbevægelsens "
        "begyndelse.",
        about="Industrialiseringen forandrede Danmark fra et landbrugsland til et industrisamfund. Eleverne "
        "møder en arbejderfamilies hverdag omkring år 1900 og undersøger, hvordan maskinerne ændrede arbejdet "
        "og livet i byen.",
        activities=(
            "Vi besøger en arbejderlejlighed fra 1900-tallet",
            "Eleverne prøver maskiner og arbejdsgange fra fabrikken",
            "Vi diskuterer børnearbejde dengang og i verden i dag",
            "Eleverne analyserer lønsedler, plakater og fotografier som kilder",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("industrialisering", "arbejderliv", "børnearbejde", "demokrati"),
        subjects=("historie", "samfundsfag", "dansk"),
        gym_subjects=("historie", "samfundsfag", "samtidshistorie"),
        sdgs=(8, 10),
    ),
    Topic(
        tag="besaettelse",
        titles=("Besættelsestiden 1940–45", "Danmark under 2. verdenskrig", "Hverdagsliv under besættelsen"),
        summary="Eleverne undersøger hverdagsliv, samarbejde og modstand under besættelsen med breve, "
        "fotografier og genstande som kilder.",
        about="Den 9. april 1940 blev Danmark besat. Med udgangspunkt i lokale kilder arbejder eleverne med, "
        "hvordan krigen mærkedes i hverdagen, og med de svære valg mellem samarbejde, tilpasning og modstand.",
        activities=(
            "Vi læser breve og dagbøger fra besættelsen",
            "Eleverne undersøger rationeringsmærker, mørklægning og illegale blade",
            "Vi diskuterer dilemmaer: Hvad ville du have gjort?",
            "Eleverne besøger et mindesmærke eller en bunker i byen",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(8)),
        themes=("besættelsen", "anden verdenskrig", "modstandsbevægelsen", "demokrati", "kildekritik"),
        subjects=("historie", "samfundsfag", "dansk"),
        gym_subjects=("historie", "samtidshistorie"),
        sdgs=(16,),
    ),
    Topic(
        tag="besaettelse",
        titles=("Flugten over Øresund 1943", "Oktober 1943: flugten til Sverige"),
        summary="Om de danske jøders flugt til Sverige i oktober 1943, fortalt gennem personlige beretninger.",
        about="I oktober 1943 flygtede over 7.000 danske jøder til Sverige. Eleverne arbejder med "
        "øjenvidneberetninger og diskuterer menneskerettigheder, civilcourage og flygtninges vilkår dengang "
        "og nu.",
        activities=(
            "Vi lytter til og læser personlige beretninger fra flugten",
            "Eleverne følger en families rute på kortet",
            "Vi diskuterer civilcourage og menneskerettigheder",
            "Eleverne sammenligner med flygtninges situation i dag",
        ),
        grades=(kl(6, 9), kl_ungdom(8)),
        themes=("anden verdenskrig", "flygtninge", "menneskerettigheder", "civilcourage"),
        subjects=("historie", "kristendomskundskab", "samfundsfag"),
        gym_subjects=("historie", "religion", "samfundsfag"),
        sdgs=(10, 16),
    ),
    Topic(
        tag="besaettelse",
        titles=("Den kolde krig: bunkere og atomfrygt", "Danmark i den kolde krig"),
        summary="Eleverne besøger et anlæg fra den kolde krig og undersøger, hvordan truslen om atomkrig "
        "prægede Danmark.",
        about="Under den kolde krig byggede Danmark bunkere, radarstationer og beskyttelsesrum. Eleverne "
        "undersøger anlæggene og arbejder med propaganda, frygt og forsvar i en delt verden.",
        activities=(
            "Vi går på opdagelse i et beskyttelsesrum eller en bunker",
            "Eleverne analyserer plakater og film fra civilforsvaret",
            "Vi ser på verdenskortet fra 1960'erne og taler om blokpolitik",
            "Eleverne interviewer hinanden i rollen som øjenvidner",
        ),
        grades=(kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("den kolde krig", "bunkere", "propaganda", "demokrati"),
        subjects=("historie", "samfundsfag"),
        gym_subjects=("historie", "samtidshistorie", "samfundsfag"),
        sdgs=(16,),
    ),
    Topic(
        tag="soefart",
        titles=("Livet til søs", "Sømand i sejlskibenes tid", "Skibsdreng for en dag"),
        summary="Om livet om bord på et sejlskib: arbejdet, maden, farerne og drømmen om den store verden.",
        about="Danmark er en søfartsnation. Eleverne hører om livet om bord på sejlskibe og dampskibe, prøver "
        "knob og navigation og undersøger, hvordan skibsfarten bandt verden sammen.",
        activities=(
            "Eleverne slår knob og splejser tovværk",
            "Vi navigerer med søkort, kompas og passer",
            "Vi smager skibskost og hører om skørbug",
            "Eleverne følger en skibsdrengs rejse gennem hans breve hjem",
        ),
        grades=(kl(3, 5), kl(4, 6), kl(5, 7)),
        themes=("søfart", "sejlskibe", "handel", "navigation", "havet"),
        subjects=("historie", "geografi", "matematik", "natur-teknologi"),
        sdgs=(14,),
    ),
    Topic(
        tag="soefart",
        titles=("Fiskeriets historie", "Fra fiskerleje til havneby"),
        summary="Eleverne undersøger fiskeriet før og nu og diskuterer, hvordan vi kan fiske bæredygtigt i "
        "fremtiden.",
        about="Fiskeriet har præget livet ved de danske kyster i århundreder. Eleverne undersøger redskaber, "
        "både og fiskernes hverdag og diskuterer overfiskeri og bæredygtigt fiskeri i dag.",
        activities=(
            "Vi undersøger garn, ruser og kroge fra museets samling",
            "Eleverne bestemmer fisk fra de danske farvande",
            "Vi besøger havnen og taler med en fisker, når det er muligt",
            "Eleverne regner på fangstkvoter og fiskebestande",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9)),
        themes=("fiskeri", "havet", "bæredygtighed", "kystkultur"),
        subjects=("historie", "biologi", "geografi", "natur-teknologi"),
        sdgs=(14, 12, 8),
    ),
    Topic(
        tag="landbrug",
        titles=(
            "Et år på landet i 1800-tallet",
            "Livet på bondegården i gamle dage",
            "Fra høst til jul på landet",
        ),
        summary="Eleverne oplever bondesamfundets arbejde og årets gang på en gammel gård med dyr, marker og "
        "køkken.",
        about="For 150 år siden boede de fleste danskere på landet. På museets gård oplever eleverne arbejdet "
        "med dyr og marker, maden i køkkenet og børnenes pligter gennem årets gang.",
        activities=(
            "Eleverne hjælper med at fodre dyrene og passe køkkenhaven",
            "Vi kærner smør og bager i bageovnen",
            "Vi prøver redskaber som le, plejl og rive",
            "Eleverne sammenligner børns hverdag på landet dengang og nu",
        ),
        grades=(dag(0), kl(0, 2), kl(1, 3), kl(3, 5)),
        themes=("landbrug", "bondesamfund", "1800-tallet", "årstider", "mad"),
        subjects=("historie", "natur-teknologi", "madkundskab"),
        sdgs=(2, 12),
    ),
    Topic(
        tag="landbrug",
        titles=("Andelsbevægelsen og det moderne landbrug", "Fra andelsmejeri til fødevareeksport"),
        summary="Om andelsbevægelsen, mejerierne og landbrugets udvikling fra 1880 til i dag.",
        about="Andelsbevægelsen gav bønderne fælles ejerskab af mejerier og slagterier og forandrede både "
        "landbruget og demokratiet. Eleverne følger udviklingen fra andelsmejeriet til nutidens landbrug.",
        activities=(
            "Vi ser, hvordan mælk blev til smør og ost på andelsmejeriet",
            "Eleverne spiller en generalforsamling i en andelsforening",
            "Vi sammenligner landbruget før og nu med tal og grafer",
            "Eleverne diskuterer landbrugets klimaaftryk",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(8)),
        themes=("andelsbevægelsen", "landbrug", "demokrati", "fødevarer"),
        subjects=("historie", "samfundsfag", "geografi"),
        gym_subjects=("historie", "samfundsfag"),
        sdgs=(2, 8, 12),
    ),
    Topic(
        tag="naturhistorie",
        titles=(
            "Dinosaurer og fossiler",
            "Fossiljagt: spor af fortidens dyr",
            "Da Danmark var et tropisk hav",
        ),
        summary="Eleverne undersøger fossiler og lærer, hvordan livet på Jorden har udviklet sig gennem "
        "millioner af år.",
        about="Fossiler er naturens arkiv. Eleverne undersøger forsteninger fra museets samling og fra danske "
        "kyster og lærer, hvordan geologer og palæontologer læser Jordens historie i lagene.",
        activities=(
            "Vi bestemmer fossiler med lup og bestemmelsesnøgle",
            "Eleverne laver deres egen forstening i gips",
            "Vi bygger en tidslinje over livets historie",
            "Eleverne går på fossiljagt, når sæsonen tillader det",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl_ungdom(9)),
        themes=("fossiler", "dinosaurer", "geologi", "evolution"),
        subjects=("natur-teknologi", "biologi", "geografi"),
        gym_subjects=("biologi", "geoscience", "naturgeografi"),
        sdgs=(15,),
    ),
    Topic(
        tag="naturhistorie",
        titles=("Evolution og tilpasning", "Dyrenes tilpasning i de naturhistoriske samlinger"),
        summary="Med museets udstoppede dyr og skeletter undersøger eleverne evolution, arter og tilpasning til "
        "levesteder.",
        about="Hvorfor har isbjørnen hvid pels, og hvorfor har spætten en lang tunge? I museets naturhistoriske "
        "samlinger undersøger eleverne sammenhængen mellem dyrenes bygning og levevis og bliver klogere på "
        "evolutionsteorien.",
        activities=(
            "Eleverne sammenligner kranier og tænder fra rovdyr og planteædere",
            "Vi sorterer dyr i grupper efter slægtskab",
            "Eleverne undersøger fugles næb og fødder",
            "Vi diskuterer Darwins teori og nye opdagelser",
        ),
        grades=(kl(3, 5), kl(7, 9), kl_ungdom(9)),
        themes=("evolution", "biodiversitet", "dyr", "naturhistorie"),
        subjects=("biologi", "natur-teknologi"),
        gym_subjects=("biologi",),
        sdgs=(15, 14),
    ),
    Topic(
        tag="arkiv",
        titles=(
            "Slægtsforskning: find din familie i arkivet",
            "Mine oldeforældre – slægtsforskning for begyndere",
        ),
        summary="Eleverne lærer at søge i kirkebøger, folketællinger og gamle fotografier og følger en familie "
        "bagud i tiden.",
        about="Arkivet gemmer spor efter almindelige menneskers liv. Eleverne lærer at læse gammel håndskrift "
        "og at søge i kirkebøger og folketællinger, og de følger en familie flere generationer tilbage.",
        activities=(
            "Vi søger i digitaliserede kirkebøger og folketællinger",
            "Eleverne læser gotisk håndskrift med en alfabettavle",
            "Vi tegner et stamtræ ud fra kilderne",
            "Eleverne skriver en kort fortælling om en person fra kilderne",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("slægtsforskning", "arkiv", "lokalhistorie", "kildekritik"),
        subjects=("historie", "dansk"),
        gym_subjects=("historie",),
    ),
    Topic(
        tag="arkiv",
        titles=("Kildekritik med arkivets dokumenter", "Historisk metode i arkivet"),
        summary="Eleverne arbejder med originale kilder fra arkivet og øver kildekritik: Hvem skrev det, "
        "hvornår og hvorfor?",
        about="Historie bygger på kilder, og kilder skal vurderes. I arkivets læsesal arbejder eleverne med "
        "breve, protokoller, kort og fotografier og øver sig i at stille kritiske spørgsmål til dem.",
        activities=(
            "Eleverne undersøger originale dokumenter i læsesalen",
            "Vi sammenligner to kilder om samme begivenhed",
            "Eleverne formulerer deres egne undersøgelsesspørgsmål",
            "Vi ser, hvordan arkivet bevarer og registrerer dokumenter",
        ),
        grades=(kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("kildekritik", "arkiv", "historisk metode", "dokumenter"),
        subjects=("historie", "dansk", "samfundsfag"),
        gym_subjects=("historie", "dansk"),
        sdgs=(16,),
    ),
    Topic(
        tag="arkiv",
        titles=("Gamle fotos fortæller", "Lokalhistorie i billeder", "Før og nu i {place}"),
        summary="Med arkivets fotografier undersøger eleverne, hvordan deres eget område så ud for 50 og 100 år "
        "siden.",
        about="Arkivets fotografier viser gader, huse, skoler og mennesker fra lokalområdet gennem mere end "
        "hundrede år. Eleverne finder billeder af steder, de kender, og fotograferer dem igen i dag.",
        activities=(
            "Eleverne søger i arkivets billeddatabase",
            "Vi går ud og fotograferer de samme steder i dag",
            "Eleverne laver en før-og-nu-udstilling",
            "Vi taler om, hvad et fotografi viser, og hvad det skjuler",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(5, 7)),
        themes=("lokalhistorie", "fotografi", "arkiv", "byhistorie"),
        subjects=("historie", "dansk", "billedkunst", "medier"),
        sdgs=(11,),
    ),
)
