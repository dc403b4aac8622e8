"""Demo topics for companies, associations and municipal institutions: food, production, waste, democracy,
safety, rights and well-being."""

from offers.demo.topics.base import UNGDOM, Topic, dag, kl, kl_ungdom

TOPICS = (
    Topic(
        tag="foedevarer",
        titles=(
            "Fra jord til bord: bæredygtig fødevareproduktion",
            "Fra mark til mælkekarton",
            "Fødevarer og bæredygtighed",
        ),
        summary="Eleverne følger en fødevare fra mark til bord og diskuterer klimaaftryk, dyrevelfærd og "
        "madspild.",
        about="Hvor kommer maden fra, og hvad koster den for klimaet? Eleverne besøger produktionen og følger "
        "råvaren fra mark eller stald til færdigt produkt, og de diskuterer, hvordan fødevarer kan produceres "
        "mere bæredygtigt.",
        activities=(
            "Vi ser produktionen og møder medarbejderne",
            "Eleverne regner på klimaaftrykket af forskellige fødevarer",
            "Vi smager på produkterne og taler om kvalitet",
            "Eleverne kommer med forslag til mindre madspild",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("fødevarer", "bæredygtighed", "landbrug", "madspild", "klima"),
        subjects=("madkundskab", "natur-teknologi", "geografi", "biologi"),
        gym_subjects=("biologi", "naturgeografi", "virksomhedsoekonomi"),
        sdgs=(2, 12, 13),
    ),
    Topic(
        tag="virksomhed",
        titles=(
            "Virksomhedsbesøg: produktion og automatisering",
            "Robotter på fabrikken",
            "Fremtidens produktion",
        ),
        summary="Eleverne besøger en moderne produktion og ser, hvordan robotter, data og mennesker arbejder "
        "sammen.",
        about="Dansk industri bruger robotter, sensorer og data til at producere mere med mindre. Eleverne ser "
        "produktionen, møder medarbejdere med forskellige uddannelser og løser en opgave om automatisering.",
        activities=(
            "Vi går en tur gennem produktionen",
            "Eleverne møder en tekniker, en ingeniør og en lærling",
            "Grupperne løser en opgave om at optimere produktionen",
            "Vi taler om uddannelsesvejene til jobbene",
        ),
        grades=(kl(6, 8), kl(7, 9), kl_ungdom(8), UNGDOM),
        themes=("produktion", "automatisering", "uddannelse og job", "teknologi", "innovation"),
        subjects=("uddannelse-og-job", "teknologiforstaaelse", "fysik-kemi", "matematik"),
        gym_subjects=("teknologi", "virksomhedsoekonomi", "teknikfag"),
        sdgs=(8, 9),
    ),
    Topic(
        tag="virksomhed",
        titles=("Innovationscamp: løs virksomhedens udfordring", "Innovationsdag med erhvervslivet"),
        summary="Eleverne arbejder som konsulenter på en ægte udfordring fra en virksomhed og præsenterer deres "
        "løsning for et panel.",
        about="På en innovationscamp får eleverne en virkelig opgave fra en lokal virksomhed. De arbejder i "
        "teams med idéudvikling, prototyper og pitch, og virksomheden giver feedback på løsningerne.",
        activities=(
            "Virksomheden præsenterer udfordringen",
            "Eleverne arbejder med idégenerering og brugerundersøgelser",
            "Grupperne bygger en enkel prototype",
            "Eleverne pitcher deres løsning for et panel",
        ),
        grades=(kl(6, 8), kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("innovation", "entreprenørskab", "samarbejde", "uddannelse og job"),
        subjects=("uddannelse-og-job", "dansk", "samfundsfag", "haandvaerk-og-design"),
        gym_subjects=("virksomhedsoekonomi", "afsaetning", "teknologi"),
        sdgs=(8, 9, 17),
    ),
    Topic(
        tag="affald",
        titles=("Fra affald til ressource", "Cirkulær økonomi i praksis", "Genbrug og genanvendelse"),
        summary="Eleverne undersøger, hvad der sker med vores affald, og hvordan en cirkulær økonomi kan spare "
        "ressourcer.",
        about="Affald kan blive til nye produkter, energi og råstoffer. Eleverne følger affaldet fra "
        "skraldespanden til sortering og genanvendelse og diskuterer, hvordan forbrug og design kan mindske "
        "mængden af affald.",
        activities=(
            "Vi ser sorteringsanlægget og følger affaldets vej",
            "Eleverne sorterer en skraldespand og vejer fraktionerne",
            "Vi undersøger, hvordan plast, metal og glas genanvendes",
            "Eleverne designer et produkt, der kan genbruges",
        ),
        grades=(kl(1, 3), kl(3, 6), kl(7, 9), kl_ungdom(9)),
        themes=("affald", "genbrug", "cirkulær økonomi", "bæredygtighed", "ressourcer"),
        subjects=("natur-teknologi", "geografi", "samfundsfag", "fysik-kemi"),
        gym_subjects=("naturgeografi", "samfundsfag", "kemi"),
        sdgs=(12, 11, 13),
    ),
    Topic(
        tag="energi",
        titles=("Besøg på vindmølleparken", "Vindenergi i praksis", "Fra vind til stikkontakt"),
        summary="Eleverne besøger en vindmøllepark og lærer, hvordan vinden bliver til strøm i stikkontakten.",
        about="En moderne vindmølle kan forsyne tusindvis af husstande med strøm. Eleverne ser møllerne tæt på, "
        "hører om teknikken og om de mange job i vindindustrien og regner selv på møllens produktion.",
        activities=(
            "Vi besøger møllerne og ser en nacelle og en vinge tæt på",
            "Eleverne regner på, hvor mange husstande en mølle forsyner",
            "Vi hører om service, sikkerhed og job i vindindustrien",
            "Eleverne diskuterer møllernes påvirkning af landskab og naboer",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("vindenergi", "energi", "grøn omstilling", "uddannelse og job"),
        subjects=("fysik-kemi", "geografi", "uddannelse-og-job", "matematik"),
        gym_subjects=("fysik", "naturgeografi", "teknologi"),
        sdgs=(7, 13, 8),
    ),
    Topic(
        tag="haandvaerk",
        titles=("Fra træ til møbel", "Bag om værkstedet: håndværk i praksis", "Mød en håndværker"),
        summary="Eleverne besøger et værksted, prøver håndværket og hører om erhvervsuddannelserne.",
        about="Der er brug for dygtige håndværkere. Eleverne ser værkstedet, prøver udvalgte arbejdsgange under "
        "vejledning og hører fra lærlinge og svende om vejen til et job som faglært.",
        activities=(
            "Vi ser værkstedet og maskinerne",
            "Eleverne prøver at måle op, save og samle",
            "Vi taler med en lærling om erhvervsuddannelsen",
            "Eleverne tager et lille produkt med hjem",
        ),
        grades=(kl(5, 7), kl(7, 9), kl(8, 10)),
        themes=("håndværk", "erhvervsuddannelse", "uddannelse og job", "design"),
        subjects=("uddannelse-og-job", "haandvaerk-og-design", "matematik"),
        sdgs=(8, 4),
    ),
    Topic(
        tag="sikkerhed",
        titles=("Førstehjælp for børn", "Livreddende førstehjælp", "Hjælp – hvad gør jeg?"),
        summary="Eleverne lærer at tilkalde hjælp, give hjertelungeredning og yde førstehjælp ved mindre skader.",
        about="Alle kan redde liv. Frivillige instruktører lærer eleverne at bevare overblikket, ringe 112 og "
        "give førstehjælp, og eleverne øver hjertemassage på dukker.",
        activities=(
            "Vi øver alarmering og at skabe sikkerhed på ulykkesstedet",
            "Eleverne træner hjertelungeredning på øvedukker",
            "Vi lærer stabilt sideleje og at stoppe blødninger",
            "Eleverne afprøver en hjertestarter",
        ),
        grades=(kl(0, 2), kl(3, 5), kl(6, 9), UNGDOM),
        themes=("førstehjælp", "sundhed", "sikkerhed", "ansvar"),
        subjects=("sundheds-og-seksualundervisning-og-familiekundskab", "idraet", "natur-teknologi"),
        gym_subjects=("idraet",),
        sdgs=(3,),
    ),
    Topic(
        tag="trafik",
        titles=("Cyklistprøven og sikker trafik", "Cykel- og trafiksikkerhed", "Sikker i trafikken"),
        summary="Eleverne øver færdselsregler og sikker cykling og bliver klar til cyklistprøven.",
        about="Sikker trafik er noget, man lærer. Eleverne øver tavler, regler og cykling på en bane og i "
        "virkelig trafik, og de taler om synlighed, cykelhjelm og at passe på hinanden.",
        activities=(
            "Vi gennemgår færdselstavler og vigepligt",
            "Eleverne cykler på en øvebane med forhindringer",
            "Vi tjekker cyklernes lys og bremser",
            "Eleverne gennemfører en teoriprøve og en praktisk prøve",
        ),
        grades=(kl(0, 2), kl(3, 5), kl(5, 7)),
        themes=("trafiksikkerhed", "cykling", "færdselsregler", "sikkerhed"),
        subjects=("faerdselslaere", "idraet"),
        sdgs=(3, 11),
    ),
    Topic(
        tag="globalt",
        titles=("Børns rettigheder", "Børnekonventionen i øjenhøjde", "Rettigheder for alle børn"),
        summary="Eleverne lærer om FN's Børnekonvention og diskuterer, hvordan børns rettigheder sikres i "
        "Danmark og i verden.",
        about="Alle børn har ret til beskyttelse, til uddannelse og til at blive hørt. Med udgangspunkt i FN's "
        "Børnekonvention arbejder eleverne med dilemmaer og cases fra Danmark og resten af verden.",
        activities=(
            "Vi spiller et rettighedsspil om hverdagsdilemmaer",
            "Eleverne undersøger cases om børn i forskellige lande",
            "Vi taler om retten til at blive hørt i klassen",
            "Eleverne laver en kampagne om en rettighed",
        ),
        grades=(kl(1, 3), kl(3, 5), kl(6, 9)),
        themes=("børns rettigheder", "menneskerettigheder", "demokrati", "globalt medborgerskab"),
        subjects=("samfundsfag", "kristendomskundskab", "dansk", "engelsk"),
        sdgs=(4, 10, 16),
    ),
    Topic(
        tag="globalt",
        titles=("Verdensmål i hverdagen", "Verdensmålene – fra globalt til lokalt"),
        summary="Eleverne arbejder med FN's verdensmål og finder konkrete handlinger, de selv kan tage lokalt.",
        about="FN's 17 verdensmål handler om alt fra fattigdom til havmiljø. Eleverne udforsker målene gennem "
        "spil og cases og vælger et mål, de vil arbejde videre med i deres eget lokalområde.",
        activities=(
            "Vi spiller et spil om verdensmålene",
            "Eleverne undersøger en case fra et andet land",
            "Vi finder eksempler på verdensmålene i lokalområdet",
            "Eleverne laver en handlingsplan for klassen",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("verdensmål", "bæredygtighed", "globalt medborgerskab"),
        subjects=("samfundsfag", "geografi", "natur-teknologi", "engelsk"),
        gym_subjects=("samfundsfag", "naturgeografi"),
        sdgs=(4, 13, 17),
    ),
    Topic(
        tag="forening",
        titles=("Frivillighed og fællesskab", "Gør en forskel – frivillige fortæller"),
        summary="Eleverne møder frivillige fra lokale foreninger og planlægger selv en lille frivillig indsats.",
        about="Foreningslivet er en bærende del af det danske demokrati. Eleverne hører frivillige fortælle om "
        "deres arbejde og planlægger og gennemfører en lille indsats for fællesskabet i lokalområdet.",
        activities=(
            "Frivillige fortæller om foreningens arbejde",
            "Eleverne kortlægger foreningerne i lokalområdet",
            "Vi planlægger en fælles frivillig aktivitet",
            "Eleverne evaluerer indsatsen og fortæller om den",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("frivillighed", "fællesskab", "foreningsliv", "demokrati"),
        subjects=("samfundsfag", "dansk", "uddannelse-og-job"),
        gym_subjects=("samfundsfag",),
        sdgs=(11, 17),
    ),
    Topic(
        tag="spejder",
        titles=("Spejderdag: natur og samarbejde", "Spejderfærdigheder for hele klassen"),
        summary="En dag med spejderaktiviteter, hvor eleverne samarbejder om opgaver med knob, bål og kort.",
        about="Spejderarbejdet bygger på at lære ved at gøre. Eleverne løser opgaver i patruljer, bygger med "
        "rafter og reb, laver bål og tager ansvar for hinanden undervejs.",
        activities=(
            "Eleverne bygger en konstruktion med rafter og knob",
            "Vi laver bål og bager snobrød",
            "Patruljerne løser opgaver på et løb",
            "Vi evaluerer samarbejdet rundt om bålet",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6)),
        themes=("friluftsliv", "samarbejde", "fællesskab", "natur"),
        subjects=("idraet", "natur-teknologi", "dansk"),
        sdgs=(3,),
    ),
    Topic(
        tag="sundhed",
        titles=("Krop, grænser og venskab", "Pubertet og følelser", "Uge Sex: krop og grænser"),
        summary="Uddannede undervisere taler med eleverne om krop, pubertet, følelser og grænser i en tryg "
        "ramme.",
        about="Eleverne har mange spørgsmål om krop, følelser og relationer. Underviserne skaber et trygt rum, "
        "hvor alle spørgsmål er velkomne, og arbejder med grænser, samtykke og trivsel.",
        activities=(
            "Eleverne stiller anonyme spørgsmål i en spørgekasse",
            "Vi arbejder med øvelser om grænser og samtykke",
            "Vi taler om pubertetens forandringer",
            "Eleverne diskuterer venskab og kærlighed på nettet",
        ),
        grades=(kl(4, 6), kl(6, 8), kl(7, 9)),
        themes=("sundhed", "seksualitet", "trivsel", "grænser"),
        subjects=("sundheds-og-seksualundervisning-og-familiekundskab", "biologi", "natur-teknologi"),
        sdgs=(3, 5),
    ),
    Topic(
        tag="digital",
        titles=("Sikker på nettet", "Digital dannelse: dit liv online", "Gaming, chat og venskaber online"),
        summary="Eleverne taler om deres liv på nettet og lærer om deling af billeder, digitale fællesskaber og "
        "god tone.",
        about="Børn og unge lever en stor del af deres sociale liv online. Forløbet giver eleverne redskaber til "
        "at passe på sig selv og hinanden, og lærerne får materiale til at fortsætte samtalen i klassen.",
        activities=(
            "Vi taler om regler for deling af billeder",
            "Eleverne arbejder med dilemmaer fra chat og gaming",
            "Vi ser på, hvordan apps tjener penge på vores data",
            "Klassen laver fælles aftaler om god tone",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(6, 8)),
        themes=("digital dannelse", "trivsel", "sociale medier", "datasikkerhed"),
        subjects=("dansk", "teknologiforstaaelse", "sundheds-og-seksualundervisning-og-familiekundskab"),
        sdgs=(3, 16),
    ),
    Topic(
        tag="kommune",
        titles=("Demokrati og valg på rådhuset", "Byrådet og dig", "Demokrativærksted på rådhuset"),
        summary="Eleverne besøger rådhuset, møder en politiker og prøver selv at debattere og stemme om en "
        "lokal sag.",
        about="Hvordan bliver en beslutning til i kommunen? På rådhuset i {place} hører eleverne om byrådets "
        "arbejde, spiller byrådsmøde og stemmer om en sag, der optager dem.",
        activities=(
            "Vi ser byrådssalen og hører om kommunens opgaver",
            "Eleverne møder en lokalpolitiker og stiller spørgsmål",
            "Klassen spiller byrådsmøde med partier og afstemning",
            "Vi taler om, hvordan børn og unge kan få indflydelse",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("demokrati", "valg", "lokalpolitik", "medborgerskab"),
        subjects=("samfundsfag", "historie", "dansk"),
        gym_subjects=("samfundsfag",),
        sdgs=(16, 11),
    ),
    Topic(
        tag="kommune",
        titles=("Fremtidens {place}: byplanlægning", "Byplanlægning og borgerinddragelse"),
        summary="Eleverne arbejder som byplanlæggere og kommer med forslag til en ny bydel eller et byrum.",
        about="Byer planlægges af mennesker, og borgerne kan blande sig. Med kommunens planlæggere undersøger "
        "eleverne et område i {place}, taler om trafik, natur og boliger og præsenterer deres forslag for "
        "fagfolk.",
        activities=(
            "Vi besøger området og laver observationer",
            "Eleverne arbejder med kort og luftfotos",
            "Grupperne bygger modeller af deres forslag",
            "Eleverne præsenterer forslagene for kommunens planlæggere",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("byplanlægning", "byrum", "demokrati", "bæredygtighed"),
        subjects=("geografi", "samfundsfag", "matematik", "billedkunst"),
        gym_subjects=("samfundsfag", "naturgeografi"),
        sdgs=(11, 13),
    ),
    Topic(
        tag="kommune",
        titles=("Skybrud og klimatilpasning", "Når vandet stiger: klimatilpasning i {place}"),
        summary="Eleverne undersøger, hvordan byen sikres mod skybrud og havstigninger, og foreslår egne "
        "løsninger.",
        about="Kraftigere regn og højere vandstand udfordrer byerne. Eleverne undersøger kommunens "
        "klimatilpasning i {place}, ser regnvandsbassiner og grønne tage og arbejder med kort over "
        "risikoområder.",
        activities=(
            "Vi besøger et regnvandsbassin eller et klimaprojekt",
            "Eleverne undersøger risikokort for oversvømmelse",
            "Vi laver forsøg med nedsivning i forskellige jordtyper",
            "Eleverne foreslår løsninger for skolens område",
        ),
        grades=(kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("klimatilpasning", "skybrud", "klima", "byrum"),
        subjects=("geografi", "natur-teknologi", "samfundsfag"),
        gym_subjects=("naturgeografi", "samfundsfag"),
        sdgs=(13, 11, 6),
    ),
    Topic(
        tag="vandforsyning",
        titles=("Fra grundvand til vandhane", "Vandværket: rent drikkevand", "Vandets kredsløb i kommunen"),
        summary="Eleverne besøger vandværket og følger vandet fra grundvandet til vandhanen og videre til "
        "renseanlægget.",
        about="Danmarks drikkevand kommer fra grundvandet. Eleverne ser, hvordan vandet pumpes op og renses, "
        "undersøger vandprøver og lærer, hvordan vi beskytter grundvandet mod forurening.",
        activities=(
            "Vi går en tur på vandværket og ser filtrene",
            "Eleverne måler pH og hårdhed i vandprøver",
            "Vi bygger en model af vandets kredsløb",
            "Eleverne undersøger, hvordan vi kan spare på vandet",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("drikkevand", "grundvand", "vandets kredsløb", "forsyning"),
        subjects=("natur-teknologi", "geografi", "fysik-kemi", "biologi"),
        sdgs=(6, 12),
    ),
    Topic(
        tag="udeskole",
        titles=("Udeskole i nærområdet", "Udeskole: læring i det fri", "Naturskolens udeskoleforløb"),
        summary="Naturskolens vejledere hjælper klassen i gang med udeskole, hvor fagene undervises uden for "
        "klasselokalet.",
        about="Udeskole giver varierede læringsmiljøer og masser af bevægelse. Naturskolen i {place} tilbyder "
        "forløb og inspiration, så lærerne kan bruge skolens nærområde i dansk, matematik og natur/teknologi.",
        activities=(
            "Vi finder gode læringssteder i skolens nærområde",
            "Eleverne løser fagopgaver i naturen",
            "Lærerne får en idébank med udeskoleaktiviteter",
            "Vi evaluerer forløbet sammen med lærerne",
        ),
        grades=(dag(0), kl(0, 3), kl(3, 6)),
        themes=("udeskole", "natur", "bevægelse", "læringsmiljø"),
        subjects=("natur-teknologi", "matematik", "dansk"),
        sdgs=(4, 15),
    ),
)
