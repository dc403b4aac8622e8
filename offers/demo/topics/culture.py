"""Demo topics for libraries, art, music, performing arts and film."""

from offers.demo.topics.base import DAGTILBUD, UNGDOM, Topic, dag, kl, kl_ungdom

TOPICS = (
    Topic(
        tag="bibliotek",
        titles=(
            "Læselyst: bogsnak og højtlæsning",
            "Bogstart: rim, remser og billedbøger",
            "Bogklub i biblioteket",
        ),
        summary="Bibliotekets formidlere læser højt, taler bøger med børnene og hjælper dem med at finde bøger, "
        "de får lyst til at læse.",
        about="Læselyst vokser, når børn møder gode fortællinger og voksne, der brænder for dem. Vi læser højt, "
        "taler om billeder og handling og giver børnene tid til selv at gå på opdagelse blandt bøgerne.",
        activities=(
            "Vi læser højt og taler om billederne undervejs",
            "Børnene vælger bøger med hjem i en bogkasse",
            "Vi leger med rim og remser",
            "Eleverne anbefaler en bog til hinanden",
        ),
        grades=(DAGTILBUD, dag(1), kl(1, 3), kl(3, 5)),
        themes=("læselyst", "højtlæsning", "litteratur", "sprog"),
        subjects=("dansk", "dansk-som-andetsprog"),
        sdgs=(4,),
    ),
    Topic(
        tag="bibliotek",
        titles=("Faktatjek og falske nyheder", "Kildekritik på nettet", "Fake news – hvem kan du stole på?"),
        summary="Eleverne lærer at vurdere kilder på nettet og i sociale medier og at opdage manipulerede "
        "billeder og falske nyheder.",
        about="Nyheder, reklamer og opslag blandes sammen i elevernes feeds. I forløbet øver eleverne sig i at "
        "faktatjekke påstande, finde afsenderen og genkende manipulerede billeder.",
        activities=(
            "Eleverne faktatjekker virkelige opslag fra sociale medier",
            "Vi bruger omvendt billedsøgning til at finde et billedes oprindelse",
            "Eleverne laver deres egen falske nyhed og afslører hinandens",
            "Vi taler om algoritmer og ekkokamre",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(8)),
        themes=("kildekritik", "medier", "digital dannelse", "demokrati", "falske nyheder"),
        subjects=("dansk", "samfundsfag", "teknologiforstaaelse", "medier"),
        gym_subjects=("dansk", "mediefag", "samfundsfag"),
        sdgs=(4, 16),
    ),
    Topic(
        tag="bibliotek",
        titles=("Skriv din egen fortælling", "Skriveværksted med en forfatter", "Fra idé til historie"),
        summary="Eleverne skriver deres egne historier sammen med en forfatter og lærer om personer, miljø og "
        "spænding.",
        about="I skriveværkstedet arbejder eleverne med fortællingens byggesten: en hovedperson, et problem og "
        "en slutning, der overrasker. En forfatter giver tips fra sit eget værksted og hjælper eleverne videre.",
        activities=(
            "Vi finder idéer i billeder, genstande og ord",
            "Eleverne skriver en kort fortælling i små grupper",
            "Forfatteren giver respons på elevernes tekster",
            "Eleverne læser højt for hinanden til sidst",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9)),
        themes=("skrivning", "litteratur", "fortælling", "kreativitet"),
        subjects=("dansk", "dansk-som-andetsprog"),
        sdgs=(4,),
    ),
    Topic(
        tag="bibliotek",
        titles=("Informationssøgning til opgaven", "Søg smart: databaser og litteratursøgning"),
        summary="Eleverne lærer at søge systematisk i bibliotekets databaser og at henvise korrekt til deres "
        "kilder.",
        about="Store skriftlige opgaver kræver gode kilder. Bibliotekaren viser, hvordan eleverne afgrænser "
        "emnet, søger i databaser og henviser korrekt, og eleverne arbejder videre med deres egen opgave.",
        activities=(
            "Vi formulerer en problemstilling og finder søgeord",
            "Eleverne søger i artikeldatabaser og bibliotekets katalog",
            "Vi øver kildehenvisninger og litteraturlister",
            "Eleverne får vejledning i deres egen opgave",
        ),
        grades=(kl(8, 10), UNGDOM),
        themes=("informationssøgning", "kildekritik", "opgaveskrivning"),
        subjects=("dansk", "uddannelse-og-job"),
        gym_subjects=("dansk", "historie", "almen-sprogforstaaelse"),
        sdgs=(4,),
    ),
    Topic(
        tag="bibliotek",
        titles=(
            "Makerspace: byg, lod og programmér",
            "Opfinderværksted i biblioteket",
            "Micro:bit i makerspacet",
        ),
        summary="I bibliotekets makerspace bygger og programmerer eleverne deres egne små opfindelser.",
        about="Makerspacet er bibliotekets værksted med 3D-printere, laserskærer og mikrocontrollere. Eleverne "
        "arbejder med en designproces fra idé til prototype og lærer at programmere enkle kredsløb.",
        activities=(
            "Eleverne programmerer en micro:bit til at måle og vise data",
            "Vi designer og 3D-printer en lille genstand",
            "Eleverne lodder et kredsløb med lys og lyd",
            "Grupperne præsenterer deres prototype for hinanden",
        ),
        grades=(kl(3, 5), kl(4, 6), kl(6, 9)),
        themes=("programmering", "makerspace", "teknologi", "innovation", "design"),
        subjects=("teknologiforstaaelse", "matematik", "natur-teknologi", "haandvaerk-og-design"),
        sdgs=(9, 4),
    ),
    Topic(
        tag="kunst",
        titles=(
            "Se kunst – tal om kunst",
            "Kunstsamtaler i udstillingen",
            "Hvad ser du? Billedanalyse på museet",
        ),
        summary="En dialogbaseret rundvisning, hvor eleverne undersøger kunstværker og sætter ord på, hvad de "
        "ser og oplever.",
        about="Kunst kan tolkes på mange måder, og alle elevers blik er værd at lytte til. I udstillingen "
        "undersøger vi værkernes farver, komposition og fortællinger og taler om, hvad kunsten vil sige.",
        activities=(
            "Vi ser langsomt på et værk og beskriver det i fællesskab",
            "Eleverne tegner skitser i udstillingen",
            "Vi sammenligner to værker om samme emne",
            "Eleverne giver et værk en ny titel og begrunder den",
        ),
        grades=(dag(0), kl(1, 3), kl(4, 6), kl(7, 9), UNGDOM),
        themes=("kunst", "billedanalyse", "udstilling", "æstetik"),
        subjects=("billedkunst", "dansk"),
        gym_subjects=("billedkunst", "design"),
        sdgs=(4,),
    ),
    Topic(
        tag="kunst",
        titles=("Portrættet – før og nu", "Selvportræt og identitet", "Selfie eller selvportræt?"),
        summary="Eleverne undersøger portrætter i kunsthistorien og laver deres eget selvportræt i værkstedet.",
        about="Portrætter har altid handlet om magt, status og identitet. Eleverne ser på portrætter fra "
        "forskellige tider, diskuterer selfiens udtryk og arbejder selv med selvportrættet i værkstedet.",
        activities=(
            "Vi ser på portrætter fra renæssancen til i dag",
            "Eleverne tegner og maler et selvportræt",
            "Vi taler om, hvordan vi fremstiller os selv på sociale medier",
            "Eleverne udstiller deres værker for klassen",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("kunst", "portræt", "identitet", "maleri"),
        subjects=("billedkunst", "dansk", "medier"),
        gym_subjects=("billedkunst", "mediefag"),
    ),
    Topic(
        tag="kunst",
        titles=("Skulptur af genbrug", "Kunst af skrald", "Fra affald til kunstværk"),
        summary="Eleverne bygger skulpturer af genbrugsmaterialer og diskuterer forbrug, affald og "
        "bæredygtighed.",
        about="Kunstnere har længe brugt kasserede ting som materiale. Eleverne lader sig inspirere af "
        "genbrugskunst, indsamler materialer og bygger deres egne skulpturer, mens vi taler om forbrug og "
        "ressourcer.",
        activities=(
            "Vi ser på værker af kunstnere, der arbejder med genbrug",
            "Eleverne sorterer materialer og skitserer en idé",
            "Grupperne bygger en skulptur med lim, snor og værktøj",
            "Vi laver en lille udstilling og taler om værkerne",
        ),
        grades=(dag(0), kl(1, 3), kl(3, 6), kl(6, 8)),
        themes=("genbrug", "skulptur", "bæredygtighed", "kunst", "affald"),
        subjects=("billedkunst", "haandvaerk-og-design", "natur-teknologi"),
        sdgs=(12, 13),
    ),
    Topic(
        tag="kunst",
        titles=("Street art og byens rum", "Graffiti, gadekunst og byrum"),
        summary="Eleverne undersøger gadekunst i byen og designer deres eget værk til et udvalgt sted.",
        about="Gadekunst skaber debat om, hvem byens rum tilhører. Vi går på tur og ser værker i {place}, "
        "taler om lovlig og ulovlig kunst, og eleverne laver skitser og skabeloner til deres egen gadekunst.",
        activities=(
            "Vi finder og fotograferer gadekunst i byen",
            "Eleverne designer stencils og plakater",
            "Vi taler om ejerskab og ytringsfrihed i det offentlige rum",
            "Eleverne præsenterer deres forslag til et sted i byen",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("gadekunst", "byrum", "kunst", "ytringsfrihed"),
        subjects=("billedkunst", "samfundsfag", "haandvaerk-og-design"),
        gym_subjects=("billedkunst", "design", "samfundsfag"),
        sdgs=(11,),
    ),
    Topic(
        tag="kunst",
        titles=("Farver og former i værkstedet", "Leg med farver", "Farvelære for de mindste"),
        summary="Børnene blander farver, maler med hele kroppen og opdager, hvordan farver og former skaber "
        "stemninger.",
        about="I værkstedet leger vi med primærfarver, pensler, svampe og store papirflader. Børnene opdager, "
        "hvad der sker, når farver blandes, og hvordan farver kan være glade, vrede eller rolige.",
        activities=(
            "Børnene blander farver og maler på store papirflader",
            "Vi maler til musik og bevæger os med penslen",
            "Vi ser på et kunstværk og finder farverne i det",
            "Børnene laver et fælles værk til institutionen",
        ),
        grades=(DAGTILBUD, dag(0), kl(0, 2)),
        themes=("farver", "maleri", "kreativitet", "sanser"),
        subjects=("billedkunst",),
    ),
    Topic(
        tag="kunst",
        titles=("Kunst og klima", "Kunstnere reagerer på klimakrisen"),
        summary="Eleverne møder kunstværker om natur og klima og skaber deres egne værker, der sætter klimaet "
        "til debat.",
        about="Mange samtidskunstnere arbejder med klima, natur og fremtid. Eleverne undersøger, hvordan kunst "
        "kan få os til at se verden med nye øjne, og laver selv værker med et budskab om klimaet.",
        activities=(
            "Vi ser og diskuterer værker om klima og natur",
            "Eleverne arbejder med naturmaterialer og fotografi",
            "Vi skriver værktekster til elevernes egne værker",
            "Klassen laver en pop op-udstilling på skolen",
        ),
        grades=(kl(4, 6), kl(7, 9), kl_ungdom(9)),
        themes=("kunst", "klima", "natur", "bæredygtighed"),
        subjects=("billedkunst", "natur-teknologi", "geografi", "dansk"),
        gym_subjects=("billedkunst", "naturgeografi"),
        sdgs=(13, 15),
    ),
    Topic(
        tag="musik",
        titles=("Skriv din egen sang", "Sangskriverværksted", "Fra tekst til sang"),
        summary="Eleverne skriver tekst og melodi til deres egen sang sammen med en professionel sangskriver.",
        about="En sang begynder ofte med en enkelt linje eller en god idé. Sammen med en sangskriver arbejder "
        "eleverne med rim, omkvæd og melodi, og til sidst optager eller opfører klassen sangene.",
        activities=(
            "Vi finder temaer og skriver tekst i små grupper",
            "Eleverne komponerer melodi og akkorder",
            "Vi øver og optager sangene i et enkelt studie",
            "Klassen holder en lille koncert for hinanden",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9), UNGDOM),
        themes=("sangskrivning", "musik", "kreativitet", "fællesskab"),
        subjects=("musik", "dansk"),
        gym_subjects=("musik", "dansk"),
        sdgs=(4,),
    ),
    Topic(
        tag="musik",
        titles=("Rytme, krop og bevægelse", "Musikleg for de mindste", "Syng og spil med"),
        summary="Musikalsk leg med sange, rytmer og instrumenter, der styrker fællesskab, sprog og motorik.",
        about="Musik er leg for kroppen og sproget. Vi synger, klapper, trommer og danser og bruger enkle "
        "instrumenter, så alle børn kan være med og opleve glæden ved at spille sammen.",
        activities=(
            "Vi synger sanglege og rim med bevægelser",
            "Børnene prøver trommer, rasleæg og klokkespil",
            "Vi lytter til musik og danser til forskellige stemninger",
            "Børnene laver et fælles lydbillede til en historie",
        ),
        grades=(DAGTILBUD, dag(0), kl(0, 2)),
        themes=("musik", "rytme", "bevægelse", "sang", "leg"),
        subjects=("musik", "idraet"),
        sdgs=(3, 4),
    ),
    Topic(
        tag="musik",
        titles=("Mød symfoniorkestret", "Orkestret på besøg", "Skolekoncert: instrumenternes verden"),
        summary="En skolekoncert, hvor eleverne møder orkestrets instrumenter og hører, hvordan klassisk musik "
        "fortæller historier.",
        about="Hvordan lyder en fagot, og hvorfor sidder violinerne forrest? Musikerne præsenterer "
        "instrumenterne og spiller værker, der fortæller historier, og eleverne er aktive lyttere undervejs.",
        activities=(
            "Musikerne præsenterer instrumentgrupperne én ad gangen",
            "Eleverne dirigerer orkestret i et kort stykke",
            "Vi lytter efter stemninger og fortæller historien til musikken",
            "Eleverne får forberedelsesmateriale til før og efter koncerten",
        ),
        grades=(kl(0, 3), kl(2, 5), kl(4, 7), kl_ungdom(9)),
        themes=("klassisk musik", "orkester", "koncert", "instrumenter"),
        subjects=("musik",),
        gym_subjects=("musik",),
    ),
    Topic(
        tag="musik",
        titles=("Elektronisk musik og lyddesign", "Beats og musikproduktion på computeren", "Lav et beat"),
        summary="Eleverne producerer deres egen musik på computeren og lærer om samples, beats og lyddesign.",
        about="Meget af den musik, eleverne lytter til, er produceret på en computer. I forløbet lærer "
        "eleverne de grundlæggende værktøjer i et musikprogram og laver deres egne beats og lydlandskaber.",
        activities=(
            "Vi optager lyde fra omgivelserne og laver samples",
            "Eleverne bygger et beat med trommer, bas og melodi",
            "Vi lærer om lydbølger, frekvens og klang",
            "Eleverne præsenterer deres produktion for klassen",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("elektronisk musik", "lyd", "teknologi", "musikproduktion"),
        subjects=("musik", "teknologiforstaaelse", "fysik-kemi"),
        gym_subjects=("musik", "mediefag"),
        sdgs=(9,),
    ),
    Topic(
        tag="musik",
        titles=("Sammenspil i band", "Rock i skolen: spil i band"),
        summary="Eleverne prøver trommer, bas, guitar og keyboard og spiller en sang sammen som et rigtigt band.",
        about="At spille i band handler om at lytte til hinanden. Med hjælp fra musikskolens lærere lærer "
        "eleverne enkle stemmer på trommer, bas, guitar og keyboard og sætter en sang sammen.",
        activities=(
            "Eleverne prøver alle instrumenterne på skift",
            "Vi lærer en enkel sang med få akkorder",
            "Bandet øver sammenspil og rollefordeling",
            "Klassen spiller en koncert for en anden klasse",
        ),
        grades=(kl(4, 6), kl(6, 9)),
        themes=("sammenspil", "band", "musik", "fællesskab"),
        subjects=("musik",),
    ),
    Topic(
        tag="teater",
        titles=(
            "H.C. Andersens eventyr på scenen",
            "Eventyrteater: Fyrtøjet",
            "Skoleforestilling: Klods-Hans",
        ),
        summary="En forestilling bygget over H.C. Andersens eventyr med en samtale med skuespillerne bagefter.",
        about="Eventyrene lever stadig på scenen. Forestillingen spiller med humor, musik og dukker, og efter "
        "forestillingen taler eleverne med skuespillerne om eventyrets personer og budskab.",
        activities=(
            "Eleverne ser forestillingen i teatersalen eller på skolen",
            "Vi taler med skuespillerne om roller og kostumer",
            "Klassen får et forberedelsesmateriale med lege og samtaleoplæg",
            "Eleverne genfortæller eventyret i små scener",
        ),
        grades=(dag(0), kl(0, 2), kl(1, 4)),
        themes=("teater", "eventyr", "H.C. Andersen", "fortælling"),
        subjects=("dansk", "drama", "musik"),
    ),
    Topic(
        tag="teater",
        titles=("Dramaworkshop: kroppen fortæller", "Improvisation og fortælling", "Scenen er din"),
        summary="En praktisk workshop, hvor eleverne arbejder med krop, stemme og improvisation og spiller små "
        "scener.",
        about="Drama styrker mod, samarbejde og udtryk. En teaterpædagog leder eleverne gennem øvelser i krop og "
        "stemme, og klassen arbejder frem mod små scener, som de spiller for hinanden.",
        activities=(
            "Vi varmer op med lege for krop og stemme",
            "Eleverne improviserer scener ud fra et tema",
            "Vi arbejder med status, konflikt og tableauer",
            "Klassen viser scenerne og giver hinanden respons",
        ),
        grades=(kl(2, 4), kl(4, 6), kl(7, 9), UNGDOM),
        themes=("drama", "improvisation", "fællesskab", "kropssprog"),
        subjects=("drama", "dansk"),
        gym_subjects=("dramatik", "dansk"),
        sdgs=(4,),
    ),
    Topic(
        tag="teater",
        titles=("Bag kulisserne på teatret", "Fra manuskript til premiere"),
        summary="Eleverne kommer bag scenen og møder teatrets mange fag: instruktør, scenograf, lys, lyd og "
        "kostume.",
        about="En forestilling er resultatet af mange menneskers arbejde. Eleverne går bag om scenen, ser "
        "værksteder og teknik og prøver selv at sætte lys og lyd på en scene.",
        activities=(
            "Vi går en tur bag scenen og i værkstederne",
            "Eleverne prøver lysbordet og lydeffekterne",
            "Vi ser modeller af scenografien og taler om idéerne bag",
            "Eleverne møder en medarbejder og hører om uddannelse og job i teatret",
        ),
        grades=(kl(5, 7), kl(7, 9), kl_ungdom(9)),
        themes=("teater", "scenografi", "uddannelse og job", "håndværk"),
        subjects=("drama", "dansk", "uddannelse-og-job", "haandvaerk-og-design"),
        gym_subjects=("dramatik", "design"),
        sdgs=(8,),
    ),
    Topic(
        tag="teater",
        titles=("Forumteater om fællesskab og mobning", "Teater om venskab og mobning"),
        summary="En interaktiv forestilling, hvor eleverne går ind på scenen og prøver at ændre situationer "
        "med mobning og udelukkelse.",
        about="I forumteater kan publikum stoppe forestillingen og prøve andre handlinger. Eleverne oplever "
        "situationer fra skolens hverdag og afprøver, hvordan man kan bryde mønstre og stå sammen.",
        activities=(
            "Eleverne ser korte scener fra en skoledag",
            "Publikum stopper scenen og går selv ind og spiller",
            "Vi taler om roller i en gruppe: mobber, medløber og forsvarer",
            "Klassen aftaler konkrete spilleregler for fællesskabet",
        ),
        grades=(kl(3, 5), kl(5, 7), kl(7, 9)),
        themes=("trivsel", "mobning", "fællesskab", "teater"),
        subjects=(
            "dansk",
            "drama",
            "sundheds-og-seksualundervisning-og-familiekundskab",
            "kristendomskundskab",
        ),
        sdgs=(3, 10, 16),
    ),
    Topic(
        tag="teater",
        titles=("Dukketeater for de mindste", "Dukkernes eventyr"),
        summary="En hyggelig dukkeforestilling for de mindste, hvor børnene synger med og hjælper dukkerne på "
        "vej.",
        about="Dukketeatret taler direkte til de mindste. Forestillingen er kort og fuld af sang, og bagefter "
        "må børnene selv prøve dukkerne og finde på små historier.",
        activities=(
            "Børnene ser en kort forestilling med dukker og musik",
            "Vi synger med på forestillingens sange",
            "Børnene prøver selv dukkerne bagefter",
            "Pædagogerne får idéer til lege i institutionen",
        ),
        grades=(DAGTILBUD, dag(0)),
        themes=("dukketeater", "teater", "fortælling", "leg"),
        subjects=("dansk", "drama"),
    ),
    Topic(
        tag="teater",
        titles=("Dans og koreografi", "Lav din egen koreografi", "Moderne dans i skolen"),
        summary="Eleverne udforsker bevægelse og skaber deres egen korte koreografi sammen med en professionel "
        "danser.",
        about="Dans er et sprog uden ord. Sammen med en danser undersøger eleverne rum, tempo og kraft og "
        "sætter bevægelser sammen til en koreografi, som de viser for hinanden.",
        activities=(
            "Vi varmer op og leger med bevægelse og musik",
            "Eleverne skaber bevægelser ud fra et tema",
            "Grupperne sætter bevægelserne sammen til en koreografi",
            "Klassen viser koreografierne og giver respons",
        ),
        grades=(kl(1, 3), kl(4, 6), kl(7, 9), UNGDOM),
        themes=("dans", "bevægelse", "koreografi", "krop"),
        subjects=("idraet", "musik", "drama"),
        gym_subjects=("idraet", "musik"),
        sdgs=(3,),
    ),
    Topic(
        tag="film",
        titles=("Lav en animationsfilm", "Stop motion-værksted", "Animation med tablets"),
        summary="Eleverne laver deres egen stop motion-film fra idé og storyboard til færdig film med lyd.",
        about="Med tablets, modellervoks og papir skaber eleverne små animationsfilm. De lærer om storyboard, "
        "billedudsnit og lyd og oplever, hvor meget arbejde der ligger bag få sekunders film.",
        activities=(
            "Vi laver et storyboard til filmens handling",
            "Eleverne bygger figurer og kulisser",
            "Grupperne optager deres film billede for billede",
            "Vi lægger lyd på og viser filmene i en lille biograf",
        ),
        grades=(kl(0, 2), kl(2, 4), kl(4, 6), kl(6, 8)),
        themes=("animation", "film", "storytelling", "medier"),
        subjects=("dansk", "billedkunst", "medier", "filmkundskab"),
        sdgs=(4,),
    ),
    Topic(
        tag="film",
        titles=("Filmanalyse: fortælling og virkemidler", "Se film med nye øjne"),
        summary="Eleverne ser en film i biografen og arbejder med filmiske virkemidler som klipning, lyd og "
        "billedudsnit.",
        about="Film påvirker os gennem billeder, lyd og klipning. Efter en fælles filmvisning arbejder eleverne "
        "med filmens fortælling og virkemidler og øver sig i at argumentere for deres tolkning.",
        activities=(
            "Klassen ser en aktuel film i biografen",
            "Vi analyserer udvalgte klip sammen",
            "Eleverne arbejder med kameravinkler og lyd i små opgaver",
            "Vi diskuterer filmens tema og budskab",
        ),
        grades=(kl(4, 6), kl(7, 9), kl_ungdom(9), UNGDOM),
        themes=("filmanalyse", "film", "medier", "fortælling"),
        subjects=("dansk", "filmkundskab", "medier"),
        gym_subjects=("dansk", "mediefag", "engelsk"),
    ),
    Topic(
        tag="film",
        titles=("Dokumentarfilm og virkelighed", "Dokumentar: er det sandt?"),
        summary="Om dokumentarfilmens greb: Eleverne undersøger, hvordan en dokumentar vælger og vinkler "
        "virkeligheden.",
        about="En dokumentarfilm viser virkeligheden, men altid gennem valg: Hvad er med, og hvad er klippet "
        "væk? Eleverne analyserer dokumentarer og optager selv en kort dokumentar om deres lokalområde.",
        activities=(
            "Vi ser uddrag af danske dokumentarfilm",
            "Eleverne analyserer vinkling og fortælleform",
            "Grupperne optager en kort dokumentar med mobiltelefon",
            "Vi diskuterer etik: Hvem må filmes, og hvordan?",
        ),
        grades=(kl(7, 9), kl_ungdom(9)),
        themes=("dokumentar", "film", "kildekritik", "medier"),
        subjects=("dansk", "samfundsfag", "medier", "filmkundskab"),
        gym_subjects=("dansk", "mediefag", "samfundsfag"),
        sdgs=(16,),
    ),
    Topic(
        tag="film",
        titles=("Skolebio i biografen", "Skolebio: film og samtale for de yngste"),
        summary="Skolebio giver klassen en fælles filmoplevelse i biografen med samtaleoplæg før og efter "
        "filmen.",
        about="En film på det store lærred er en fælles oplevelse. Til hver film hører et "
        "undervisningsmateriale med samtaleoplæg og opgaver, så filmen kan blive udgangspunkt for arbejdet i "
        "klassen.",
        activities=(
            "Klassen ser filmen i den lokale biograf",
            "Vi taler om filmens personer og følelser",
            "Eleverne tegner eller skriver om deres yndlingsscene",
            "Læreren får et materiale med opgaver til efter filmen",
        ),
        grades=(dag(0), kl(0, 3), kl(3, 5)),
        themes=("film", "biograf", "fællesskab", "fortælling"),
        subjects=("dansk", "filmkundskab"),
    ),
)
