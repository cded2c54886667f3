/**
 * Short word lists for the scrubber. They are small by design: the large list (what is an
 * ordinary Danish word, what is a name) comes from a Danish word list through a `Lexicon`.
 */

/** A list of words written out with spaces and line breaks, as a set to look words up in. */
export const wordSet = (words: string): ReadonlySet<string> =>
  new Set(words.split(/\s+/).filter(Boolean));

/** Street-name endings common in Danish addresses ("Parkvej", "Nørre Boulevard", "Torvet"). */
export const STREET_ENDINGS = [
  'vej',
  'vejen',
  'gade',
  'gaden',
  'allé',
  'alle',
  'alléen',
  'stræde',
  'strædet',
  'plads',
  'pladsen',
  'vænge',
  'vænget',
  'parken',
  'park',
  'torv',
  'torvet',
  'boulevard',
  'sti',
  'stien',
  'bakke',
  'bakken',
  'høj',
  'højen',
  'toft',
  'toften',
  'vang',
  'vangen',
  'have',
  'haven',
  'kaj',
  'kajen',
  'løkke',
  'løkken',
  'mark',
  'marken',
  'gården',
  'gård',
  'engen',
  'eng',
  'hegn',
  'hegnet',
  'agre',
  'ager',
  'holm',
  'holmen',
  'dige',
  'diget',
  'gyde',
  'gyden',
  'landevej',
  'tværvej',
  'brygge',
  'bryggen',
  'kvarter',
  'kvarteret',
  'lund',
  'lunden',
  'skov',
  'skoven',
  'strand',
  'stranden',
  'bro',
  'broen',
  'dal',
  'dalen',
  'bjerg',
  'bjerget',
  'mølle',
  'møllen',
  'krog',
  'krogen',
  'passage',
  'lyst',
  'minde',
  'promenade',
  'promenaden',
  'stationsvej',
];

/** Words that begin two-word street names, in any case ("søndre allé 1", "gl. kongevej 3"). */
export const STREET_PREFIXES = [
  'nørre',
  'søndre',
  'østre',
  'vestre',
  'store',
  'lille',
  'gammel',
  'gamle',
  'gl',
  'ny',
  'nye',
  'sankt',
  'skt',
  'sct',
  'kongens',
  'dronningens',
  'prins',
  'h\\.c',
];

/**
 * Words that stand before a number without being a street: units, time, ranks, the small words
 * of a sentence ("efter 3 uger", "type 2", "kl. 14").
 */
export const BEFORE_NUMBERS = wordSet(
  `i på til fra om efter før over under med uden af og eller ca cirka omkring kun blot næsten
  mindst højst hver alle de mine dine hans hendes vores deres har havde fik får tog tager var er
  blev bliver gik går kom kommer ventede venter sov sover brugte bruger ringede ringer spiste
  uge uger ugen dag dage dagen døgn døgnet år året måned måneder måneden time timer timen minut
  minutter sekunder kl klokken gang gange side sider siden trin fase niveau grad type nr nummer
  runde punkt punkter kapitel afsnit stue stuen etage etagen bus linje linjen spor rute tog
  mg ml kg g km m cm mm kr kroner procent pct stk styk tabletter piller piller doser dosis enheder
  braden audit norton barthel mna moca dast hads tobs ews gcs
  point score og version bind plan mål pr per fra-og-med tom samt mod gennem hele halv halve
  lige nogle næste sidste første anden tredje ialt alt x ring ringe ringede ringer tlf telefon mobil tlfnr mobilnr stadig
  seng sengen værelse værelset lokale lokalet rum rummet skab skabet plads kasse hylde bord
  apgar ham-a ham-d madrs y-bocs calprotectin fæces-calprotectin
  selv blodsukker blodtryk puls vægt score bmi vas nrs egfr gfr bt crp inr sat saturation temp
  temperatur mmse phq phq-9 who-5 gaf hba1c hb ldl kol fev1 ekg født fødselsdato fødselsdag
  max maks min mellem cirka ialt højest lavest paragraf §`,
);

/**
 * Words that follow an amount, not a house number ("3 uger", "2 piller", "10 mg"): also the
 * units of a dose, a strength or a lab value, so that four digits before one are no postcode
 * ("fluortandpasta 5000 ppm", "D-vitamin 1000 µg", "ferritin 1200 ng/ml"). In lower case, as
 * looked up; the micro sign «µ» is the Greek «μ» in a normalised text, and both are here.
 */
export const UNITS = wordSet(
  `uge uger ugers dag dage dages døgn år års måned måneder måneders time timer timers minut
  minutter sekund sekunder gang gange mg ml g kg km m cm mm l kr kroner procent pct stk styk
  tabletter tablet piller pille doser dosis enheder enhed point kilo gram liter meter cl dl
  stykker glas kopper flasker øl cigaretter pakker pakke sider personer mennesker børn af ud
  weekend weekender weekends nat nætter besøg fald kvarter halvår ture samtaler samtale
  konsultationer behandlinger indlæggelser timers ugers min sek x mcg ie tbl kcal kj mmol
  pust puf sug tryk dråber drp mio skridt
  ppm promille μg µg ug ng pg nmol μmol µmol umol pmol mikrogram mikrog milligram nanogram
  μl µl ul nl iu enh mosm meq mekv mmhg kpa msv`,
);

/**
 * Titles and roles after which a word names a person ("dr. Bertelsen", "overlæge Holm",
 * "sygeplejerske Mette", "min søster Lærke").
 */
export const TITLES = wordSet(
  `dr dr. doktor læge lægen overlæge overlægen reservelæge afdelingslæge speciallæge
  sygeplejerske sygeplejersken sygeplejersker sosu sosu-assistent sosu-hjælper hjemmehjælper
  hjemmehjælperen social- socialrådgiver socialrådgiveren sagsbehandler sagsbehandleren
  psykolog psykologen psykiater psykiateren terapeut terapeuten fysioterapeut fysioterapeuten
  ergoterapeut ergoterapeuten tandlæge tandlægen jordemoder jordemoderen præst præsten pastor
  visitator visitatoren koordinator koordinatoren kontaktperson kontaktpersonen mentor mentoren
  rådgiver rådgiveren pædagog pædagogen lærer læreren chef chefen leder lederen hr hr. fru fru.
  frk frk. mor far mormor morfar farmor farfar søster bror søsteren broderen datter søn
  datteren sønnen mand manden kone konen hustru kæreste kæresten nabo naboen ven vennen veninde
  veninden barnebarn barnebarnet svigersøn svigerdatter svigermor svigerfar onkel tante
  fætter kusine niece nevø fysioterapeut sygeplejerske advokat advokaten betjent betjenten
  bostøtte bostøtten støttekontaktperson støttekontaktpersonen facilitator facilitatoren
  familiebehandler familiebehandleren sundhedsplejerske sundhedsplejersken hedder kaldet kaldes navnet
  ssa ssh tovholder tovholderen vagthavende forvagt forvagten bagvagt bagvagten mellemvagt
  spl. sygepl. sagsbeh. socialrådg. ergoterap. fysioterap. pæd. fys. ergo. psyk.
  overl. reservel. afdl. speciall. psykol. ovl. rsvl. afd.spl.
  diætist diætisten farmaceut farmaceuten fodterapeut fodterapeuten kiropraktor kiropraktoren
  audiolog audiologen logopæd logopæden neuropsykolog neuropsykologen misbrugskonsulent
  misbrugskonsulenten demenskoordinator demenskoordinatoren sygehjælper sygehjælperen portør
  portøren bioanalytiker bioanalytikeren radiograf radiografen jordemor`,
);

/**
 * A staff title's short form with its stop: "spl. AH", "sygepl. MBK", "Fys. Storm", "overl. MHJ"
 * (overlæge), "reservel. AB", "psykol. KL".
 */
export const SHORT_STAFF_TITLES = wordSet(
  `spl. sygepl. sagsbeh. socialrådg. ergoterap. fysioterap. pæd. fys. ergo. psyk. overl.
  reservel. afdl. speciall. psykol. ovl. rsvl.`,
);

/** Abbreviations written in capitals that name no person. */
export const ABBREVIATIONS = wordSet(
  `kol adhd add ptsd ocd ms als dm ekg eeg mr mri ct pet rtg ul bmi inr crp hba1c hiv aids iu
  copd kram ssp sks oug ouh sus nbv nfs pn sms mms app it pc tv dr dsb fda who eu dk usa uk
  ok nb ps obs ca fx mv bl osv etc jf ifm mht vedr ang pga evt iflg tlf mail e-mail www pdf
  cpr nemid mitid sst shp gp ktr sop vip nr kr pct st th tv mf kl mdr dgl vs el adr att lejl
  gl fmk ie mailto sic fys sosu ssa ssh spl pæd hj tlfnr mobilnr ergo prof aftp gop sel sul ssl medarb
  adl dnr epj afli pcr ami news
  æhf bpsd vas nrs egfr gfr mmse phq gaf lvu lss stu fgu avu hf htx hhx max maks bt ef nyha
  ppr aa na dob fdt cprnr personnr postnr regnr reg ref sagsnr journalnr mvh vh kh pva spo2 ecog
  kol-team lpr fsiii fs3 sms'er sms'en bs ews tobs gcs rf kad rik uvi mrsa ace lar bpa viso skp
  cti icd icf rom hb pt afd tbl tabl temp mcg ie kons amb inkl ekskl hhv ift braden audit norton
  barthel mna moca dast hads medlemsnr kundenr kontonr kto ktonr iban hsp hjp vis policenr stk mst emdr buf kabs
  cave oa ua sc po im iv kir mio atc ks dd sf eq
  pvk cvk tsh ldl hdl dvt peg sat alat basp lddh hgb leu ekv psa inr pvc
  sfo skat udk atp foa bupl dsr vuc eud eux stx amk plo kmd egu klap sdu aau dtu apv mtx asf uu
  akt aba ida fob fof ams kbh dpc sos fam bbr psp stps
  sagsbeh socialrådg sygepl ergoterap fysioterap overl reservel afdl speciall psykol ovl rsvl`,
);

/**
 * Danish short forms written small with their stop that start no word of their own ("dvs." for
 * "det vil sige", "vha." for "ved hjælp af"), or that start a name the list holds too («alm.»,
 * «hosp.», «arb.»): see `shortForms` in scrub.ts.
 */
export const SHORT_FORMS = wordSet(
  `dvs vha iht gns fhv sml tidl alm bem dagl ugtl ugl mdl mdr mgl nødv opr skr udr vejl hhv ifm
  iflg mht mhp pga evt ang vedr inkl ekskl ift jf ca bl fx mv osv ol el ds dd tlf att adr lign
  forb hosp komm bev symp ekstr rehab medic gyn årl vesp cig arb aft div årg afd amb beh henv
  feb apr jun jul aug sep sept okt nov dec tirs ons tors fre lør morg forv md gtt inj ung supp
  mikst amp caps br gr udb fam med psyk soc hb temp obs pkt ad dikt`,
);

/**
 * Abbreviations of two letters that are written small with their stop ("kl.", "th.", "kr."): in
 * capitals and on their own, they are someone's initials as often ("KL mødte ikke op"). Not those
 * that head a line in capitals too ("FX:", "EVT:", "REF:", "VH").
 */
export const ABBREVIATIONS_WRITTEN_SMALL = wordSet(`kl th st mf vs bl gl kh kr jf mv`);

/**
 * Abbreviations that still name a role, a team or a department right after a person's title
 * ("sygeplejerske SSA", "læge KOL-team"); any other two or three capitals there are initials.
 */
export const CLINICAL_ABBREVIATIONS = wordSet(
  `ssa ssh sosu spl skp gp kol ppr amb afd fys ergo pæd`,
);

/**
 * A staff role by its ending ("bostøttemedarbejder", "plejeassistenten", "misbrugsbehandler"):
 * the word after it, or in brackets after it, is the person.
 */
export const STAFF_ROLE_ENDINGS =
  /(?:medarbejder|assistent|hjælper|plejerske|terapeut|behandler|konsulent|koordinator|rådgiver|vejleder|pædagog|visitator)(?:en)?$/u;

/**
 * Words of notes and of speech written down that no word list holds, and that name no one: spoken
 * and dialect forms ("ik'", "ka'", "hva'"), words run together ("idag"), English loanwords, and
 * the abbreviations of care notes ("ugtl.", "bgr.", "udskr."), and the lab's shorthand for a
 * urine stick's or a blood test's fields ("stix: leuk +2, nitr neg", "krea 110") — of four letters
 * and more: three written small are a writer's initials as often ("skrevet af ery"). In lower
 * case they stay.
 */
export const NOTE_WORDS = wordSet(
  `md mdr mdl ik ikk ka ku sku hva hvafor li nåh næh jah nåe øh øhm hmm hm mm osse ogs sån såen idag igår
  imorgen iaften inat iforgårs iovermorgen ihvertfald iøvrigt ialt isåfald ifht okay nice weird
  awkward cool mega fuck fucking shit sorry fair deal feedback online offline follow follow-up
  update stressful stressed boyfriend girlfriend ipad iphone smartphone tablet laptop wifi app
  apps asap plz pls btw ugtl ugentl dgl bgr udskr indl hjemmespl hjspl sygepl mdl bilat leuko
  sek str iltbeh beh us telefonnr mhp mhbp sublingualt sublingual subkutant intramuskulært
  intravenøst peroralt nøgleboks nøgleboksen psykoedukation psykoedukationen fam egl ini init ansv
  stix ustix leuk nitr erys prot gluk gluc bili trombo krea kreat carb`,
);

/**
 * Words that may stay when capitalised in mid-sentence: the domain's institutions, days, months
 * and feasts (Danish capitalises none of these by rule, but notes often do).
 */
export const DOMAIN_WORDS = wordSet(
  `danmark dansk danske region regionen kommune kommunen sygehus sygehuset sygehusene hospital
  hospitalet psykiatri psykiatrien psykiatrisk jobcenter jobcentret jobcenteret ydelsescenter
  borgerservice udbetaling hjemmeplejen hjemmepleje hjemmesygeplejen sundhedscenter
  sundhedscentret sundhedshuset rehabilitering genoptræning genoptræningen lægevagten lægevagt
  akutmodtagelsen akutmodtagelse skadestuen skadestue ambulance ambulancen falck politiet
  politi apoteket apotek kriminalforsorgen misbrugscenter misbrugscentret sundhed.dk minlæge
  e-boks eboks nemid mitid facebook messenger sms mandag tirsdag onsdag torsdag fredag lørdag
  søndag januar februar marts juni juli september oktober november december
  jul julen påske påsken pinse nytår nytårsaften sankthans corona covid covid-19 alzheimer
  parkinson tourette basedow gud herren hovedstaden sjælland syddanmark midtjylland nordjylland
  panodil pinex ipren ibuprofen paracetamol metformin insulin zoloft sertralin cipralex
  escitalopram citalopram quetiapin seroquel olanzapin zyprexa lithium metadon subutex antabus
  marevan eliquis xarelto morfin oxycodon oxycontin tramadol kodimagnyl furix centyl ventoline
  spiriva symbicort atrovent pantoprazol omeprazol simvastatin atorvastatin amlodipin enalapril
  losartan metoprolol zopiclon imovane stesolid oxapax rivotril lyrica gabapentin mirtazapin
  remeron venlafaxin efexor abilify risperidon haldol truxal nozinan ritalin concerta melatonin
  magnyl treo alka-seltzer voltaren diclofenac naproxen prednisolon ozempic wegovy trulicity
  levemir novorapid lantus oxynorm word excel outlook teams zoom google gmail hotmail yahoo
  icloud cura nexus sundhedsplatformen flextrafik movia midttrafik sydtrafik nordjyllands
  ankestyrelsen patienterstatningen patientsikkerhed styrelsen sundhedsstyrelsen socialstyrelsen
  skattestyrelsen familieretshuset udbetaling kors sagen ældre ældresagen bekæmpelse kræftens lænken
  mødrehjælpen hjerteforeningen diabetesforeningen gigtforeningen scleroseforeningen sind
  headspace livslinien kirkens korshær frelsens hær folkehjælp regioner røde blå aula medcom
  flextur ydelsesservice hjælpemiddelcentret hjælpemiddelcentralen barnets lov fælles sprog
  housing first timed up go
  netto føtex bilka lidl aldi kvickly superbrugsen brugsen coop fakta matas jysk ikea bauhaus
  elgiganten flexkort rejsekort rejsekortet
  movicol mepilex allevyn nutridrink fresubin forticare respifor cosmocol laxoberal
  ipad iphone android samsung tv-avisen avisen
  pain point points
  abstral instanyl pecfent actiq effentora fentanyl durogesic norspan temgesic buprenorphin
  contalgin dolol nobligan tradolan palexia targin ketogan suboxone buvidal naloxon nyxoid campral
  alprazolam xanax sobril alopam valium diazepam lorazepam temesta zolpidem stilnoct propavan
  circadin elvanse strattera medikinet equasym lamictal lamotrigin keppra levetiracetam tegretol
  trileptal orfiril depakine topimax fontex fluoxetin paroxetin seroxat duloxetin cymbalta noritren
  saroten amitriptylin anafranil aripiprazol risperdal leponex clozapin cisordinol invega xeplion
  holter doppler dexa cpap bipap picc picc-line port-a-cath scopi koncentrator iltkoncentrator
  turbuhaler easyhaler respimat ellipta tena abena molicare
  hodgkin hodgkins crohn crohns down downs bechterew bechterews korsakoff korsakoffs asperger
  aspergers alzheimers parkinsons huntington huntingtons menière menières raynaud raynauds
  sjögren sjögrens tourettes dupuytren dupuytrens apgar basaliom
  pamol burana albyl hjertemagnyl plavix clopidogrel brilique pradaxa lixiana marcoumar burinex
  spironolacton bendroflumethiazid norvasc ramipril triatec cozaar selo-zok bisoprolol emconcor
  carvedilol digoxin lanoxin isoptin nitroglycerin nitromex imdur zocor lipitor rosuvastatin
  crestor ezetimib glucophage januvia jardiance forxiga victoza tresiba humalog novomix
  insulatard eltroxin euthyrox medrol solu-medrol spiolto seretide relvar bricanyl airomir
  flixotide pulmicort singulair aerius zyrtec loratadin losec pantoloc esomeprazol nexium
  lansoprazol gaviscon novaluzid moviprep lactulose imodium loperamid metoclopramid primperan
  ondansetron zofran tramal targin contalgin fentanyl durogesic temgesic buprenorphin norspan
  suboxone campral naltrexon selincro zolpidem stilnoct circadin diazepam oxazepam klonazepam
  alprazolam xanax fluoxetin fontex paroxetin seroxat duloxetin cymbalta amitriptylin saroten
  nortriptylin noritren lamotrigin lamictal valproat orfiril deprakine carbamazepin tegretol
  levetiracetam keppra pregabalin neurontin risperdal aripiprazol xeplion haloperidol clozapin
  leponex medikinet elvanse strattera madopar sinemet stalevo mirapexin requip aricept donepezil
  ebixa memantin exelon alendronat fosamax prolia calcichew unikalk folsyre ferrodan kaleorid
  allopurinol colchicin celebra arcoxia penicillin vepicombin imacillin amoxicillin selexid
  pivmecillinam bactrim sulfametizol nitrofurantoin furadantin dicillin ciprofloxacin ciproxin
  doxycyclin azithromycin zitromax erythromycin abboticin metronidazol flagyl tazocin meropenem
  zinacef cefuroxim gentamicin vancomycin fucidin aciclovir zovirax valaciclovir tamiflu humira
  enbrel remicade methotrexat salazopyrin pentasa mesalazin imurel entocort epipen xylocain emla
  midazolam calprotectin fæces-calprotectin ferritin troponin hoehn yahr lewy guillain barré
  barrés urinstix nacl topro rollator
  prazosin imozop thycapzol solu-cortef solu cortef respimat betahistin
  ibs dosispose dosisposen dosisposer agraffer agrafferne mikrog pkt triage flexjob
  rofus minuddannelse børnetelefonen gældsstyrelsen retshjælp vilkår børns barnet sociale
  netværk den det forbi metal bedre`,
);

/**
 * Everyday words that a Danish word list also holds as names ("han", "hans", "dag", "ville").
 * Written in lower case they are read as the ordinary word; capitalised in mid-sentence they are
 * still masked as names.
 */
export const COMMON_WORDS = wordSet(
  `jeg du han hun den det de vi man der her og men så når hvis da nu at som til fra på i ved med
  om af for ikke også kun lige alle andre anden andet andres min mit mine din dit dine sin sit
  sine hans hendes dens dets vores jeres deres mig dig ham hende os jer dem sig selv en et ene
  dette disse denne dag dage dagen år uge måned tid gang sted hjem ude inde oppe nede
  lave lavet lange længe lette let fin fint god godt ny nye gammel stor store lille små ser
  siger sagde viste vise ville vil kunne kan skulle skal måtte må bør gøre gjorde fik få tog
  tage ha have har havde var er være blev blive bo bor boede kom komme gik gå går find finde
  meld melde ord ro rolig hold holde kort lang brev liv lys lyd lyn lykke rolle job kamp kant
  par pil sang skat storm syv otte to tre fire fem seks ni ti elev bror søster ven broder faster
  moster mor far sommer vinter forår efterår sikker sikkert modsat nordisk jorden kristen marken
  parken melodi stjerne mark sten skov sol strand mose sø hav bi due ulv ørn ravn ur ja nej tak
  via visse al hal hals gade gader offer rabat netto kridt krog lam lin mos munk rim rose viol
  fred frank gul gal gram hegn ben bane bue dam dreng eg engel fe fil bager bonde due fang
  fare fares grå hul is kar kat klare knap lune lyst lø møde nat net ok pas ram ring rund
  sand sande side sild sin sne spil stald stig stille stue sy syg tand time tog tone tro
  tur ture ung vand vej vejr vind vinter våd ære øje øl aktuelt bitter sikker sindet snart servet
  lilla anke arv
  master dreng trin modi pro lave kort august maj juni juli april marts alzheimer parkinson`,
);

/** Name endings that make a "compound" a surname, not a word ("Andersen" is not ander + sen). */
export const NAME_ENDINGS = [
  'sen',
  'son',
  'ssen',
  'sson',
  'gaard',
  'gård',
  'strup',
  'rup',
  'drup',
  'trup',
  'torp',
  'bjerg',
  'berg',
  'lund',
  'holm',
  'dal',
  'bæk',
  'bech',
  'mose',
  'skov',
  'vig',
  'borg',
  'høj',
  'by',
  'løv',
  'feldt',
  'stein',
  'sted',
  'lev',
  'ager',
];

/** Titles in the form that stands before a person's name ("overlæge munk", "dr. sommer"). */
export const PERSON_TITLES = wordSet(
  `dr doktor læge overlæge reservelæge afdelingslæge speciallæge sygeplejerske spl sosu
  sosu-assistent sosu-hjælper hjemmehjælper socialrådgiver sagsbehandler psykolog psykiater
  terapeut fysioterapeut fys ergoterapeut ergo tandlæge jordemoder præst pastor visitator
  koordinator kontaktperson mentor rådgiver pædagog lærer hr fru frk advokat betjent bostøtte
  støttekontaktperson professor prof`,
);

/** The small words of a sentence: never a name, whatever a word list says. */
export const SMALL_WORDS = wordSet(
  `jeg du han hun den det de vi man der her og men så når hvis da nu at som til fra på i ved med
  om af for ikke også kun lige alle andre anden andet mig dig ham hende os jer dem sig selv en et
  ene er var har havde blev bliver kan kunne vil ville skal skulle må måtte bør sin sit sine min
  mit mine din dit dine hans hendes vores deres jo nok vel bare meget mere mest godt helt slet
  altid aldrig igen også hver via`,
);

/** Verbs that follow their subject: a listed name before them is a person ("lykke ringede"). */
export const SUBJECT_VERBS = wordSet(
  `ringede ringer sagde siger skrev skriver kom kommer mente mener fortalte fortæller spurgte
  spørger svarede svarer hjalp hjælper lovede lover gav giver sendte sender henviste henviser
  afviste afviser mødte møder glemte glemmer kørte kører besøgte besøger hentede henter tilbød
  tilbyder aflyste aflyser undersøgte undersøger talte taler lyttede lytter råbte græd smilede`,
);

/**
 * Kinds of home and place, not places: after «bor i» they say how someone lives ("bor i
 * lejlighed", "bor på plejehjem"), which the analysis needs.
 */
export const HOUSING = wordSet(
  `lejlighed lejligheden hus huset rækkehus rækkehuset parcelhus villa villaen sommerhus
  sommerhuset plejehjem plejehjemmet plejecenter plejecentret plejecenteret bosted bostedet
  botilbud botilbuddet bofællesskab bofællesskabet værelse værelset kollegium kollegiet ældrebolig
  ældreboligen almen andelsbolig lejebolig leje herberg herberget forsorgshjem forsorgshjemmet
  krisecenter krisecentret hjemmet hjem landet byen gade gaden gård gården institution
  opgang opgangen kælder kælderen stuen egen eget`,
);

/** Where a place name follows: "bor i tørring", "kommer fra stege", "flyttede til hals". */
export const PLACE_AFTER =
  /(?:(?:bor|boede|bosat|flyttede|flytter|flyttet|opvokset|født|kommer|kom|stammer|ude)\s+(?:i|på|til|fra|ved)|(?:skrevet|meldt|tilmeldt|registreret|folkeregistreret)(?:\s+(?:på|op|ind))?\s+(?:i|på))\s+$/iu;

/**
 * What stands before an institution's ending when it names a kind of place ("Lægehuset",
 * "Sundhedscentret", "Folkeskolen"); any other first part makes it a named place
 * ("Rosenhøjskolen", "Møllehuset"), which in a small municipality narrows to a few people.
 */
export const GENERIC_INSTITUTION_STEMS = wordSet(
  `læge sundhed aktivitet dag bo beskæftigelse job borger kultur medborger frivillig frivillighed
  ungdom unge misbrug rusmiddel psykiatri distrikt social handicap rehabilitering træning
  genoptræning sygepleje pleje plejehjem ældre senior folke fri efter høj special privat
  produktion erhverv gymnasie region rig universitet kommune akut skade børne barn familie
  hjemmepleje hjemme alkohol krise forsorg værested sygehus hospital lokal nærpsykiatri døgn
  hjælpemiddel
  behandling dagbehandling visitation ydelse udbetaling pension kontakt mødested netværk bolig
  jobcenter tand tandlæge øre øjen hud fysioterapi ergoterapi kiropraktor psykolog speciallæge
  lægevagt vagt sprog voksen voksenuddannelse aften efterskole uddannelse center sundhedscenter
  aktivitetscenter dagcenter plejecenter træningscenter ambulant kommunal regional hjerte smerte
  kræft demens diabetes hukommelse råd handel musik seng sengeafsnit medicinsk kirurgisk
  ortopædkirurgisk onkologisk geriatrisk neurologisk lunge mave tarm nyre føde fødsel intensiv
  opvågning dagkirurgisk psykiatrisk infektion infektions medicin kirurgi ortopæd onkologi geriatri
  neurologi gynækologi obstetrik pædiatri røntgen billeddiagnostik laboratorie blodbank
  hospice lindrende palliativ misbrugs stof rehabiliterings tandpleje sundhedspleje skole
  erhvervs tekniske teknisk landbrugs sosu social- politi byret ret skat told kirke bibliotek`,
);

/** Endings of ordinary words that name a kind of place, not a person ("Lægehuset"). */
export const INSTITUTION_ENDINGS = [
  'visitation',
  'visitationen',
  'myndighed',
  'myndigheden',
  'hospital',
  'hospitalet',
  'sygehus',
  'sygehuset',
  'plejehjem',
  'plejehjemmet',
  'center',
  'centret',
  'centeret',
  'huset',
  'klinik',
  'klinikken',
  'skole',
  'skolen',
  'afdeling',
  'afdelingen',
  'ambulatorium',
  'ambulatoriet',
  'apotek',
  'apoteket',
  'forvaltning',
  'forvaltningen',
  'kontor',
  'kontoret',
  'team',
  'teamet',
  'tilbud',
  'tilbuddet',
  'bosted',
  'bostedet',
  'værested',
  'værestedet',
  'forening',
  'foreningen',
  'hjemmet',
  'psykiatri',
  'psykiatrien',
];

/**
 * The kind of place a care home, a home for people with a disability, a day centre or a school
 * is, in any form, as it stands before the place's own name ("plejehjemmet solglimt").
 */
export const PLACE_KINDS = new RegExp(
  `^(?:${[
    'plejehjem',
    'plejecent(?:er|ret|eret)',
    'plejebolig',
    'ældrebolig',
    'bosted',
    'botilbud',
    'bofællesskab',
    'opholdssted',
    'værested',
    'dagcent(?:er|ret|eret)',
    'aktivitetscent(?:er|ret|eret)',
    'skole',
    'børnehave',
    'vuggestue',
    'institution',
    'hospice',
  ].join('|')})(?:met|det|en|et|n|t)?$`,
  'u',
);

/**
 * How the names of such places end ("Solglimt", "Egebakken", "Havebo", "Lindely"): a word after a
 * PLACE_KINDS word that ends so is the place's name, even in lower case and even when it is made
 * of everyday words.
 */
export const PLACE_NAME_ENDINGS =
  /(?:gården|gård|gaarden|gaard|hjemmet|huset|hus|haven|have|bo|ly|lund|lunden|høj|højen|bakken|bakke|toften|vang|vangen|vænget|skov|skoven|parken|lyst|glimt|hvile|ro|fred|sol|toppen|engen|holm|dal|bjerg|strand|vej|gade|sted|rup|lev|torp|borg|købing)$/u;

/**
 * A place's own name and its kind written as one word, as a school's name often is, in lower case
 * too ("tjørnegårdsskolen", "vestervangskolen", "ådalsskolen"): the kind at the end, joined by an
 * s or an e or nothing, after a name that ends as such names do (PLACE_NAME_ENDINGS) with more
 * before that ending — "højskolen", "skovbørnehaven" and "kostskolen" are kinds of school, not a
 * school's name.
 */
const NAMED_KIND =
  /^(\p{Ll}{3,}?)[se]?(?:skole|børnehave|vuggestue|plejehjem|plejecent(?:er|ret|eret)|bosted|botilbud|dagcent(?:er|ret|eret)|fritidshjem)(?:met|det|en|et|n|t|s|ns|ts|ens|ets)?$/u;

export function namedPlaceCompound(lower: string): boolean {
  const named = NAMED_KIND.exec(lower);
  if (!named) return false;
  const before = named[1]!;
  const ending = PLACE_NAME_ENDINGS.exec(before);
  return ending !== null && before.length > ending[0].length;
}

/** Titles and family words that are first names too: "Bror ringede" may be Bror. */
export const TITLES_THAT_ARE_NAMES = wordSet(`bror`);

/** Words for the people in a case by their part in it: never a name ("Borger ringede"). */
export const ROLES = wordSet(
  `borger borgeren borgere pårørende patient patienten pt klient klienten bruger brugeren beboer
  beboeren medarbejder medarbejderen kollega kollegaen leder lederen tolk tolken vagt vagten`,
);

/** What is done to a person, in the passive: "skal ringes op", "bør informeres". */
export const PERSON_PASSIVES = wordSet(
  `ringes kontaktes informeres orienteres inviteres indkaldes spørges mindes henvises visiteres
  udskrives indlægges hjælpes støttes vejledes vækkes bades`,
);

/** Pronouns that are a verb's subject: after the verb, they say the sentence is inverted. */
export const SUBJECT_PRONOUNS = wordSet(`jeg du han hun den det vi i de man`);

/**
 * Verbs only a person does, of the HUMAN_VERBS: what a letter or an office is said to do too
 * ("Brevet siger", "Kommunen skriver", "Jobcentret bevilger") is not among them.
 */
export const PERSON_VERBS = wordSet(
  `mener mente synes syntes tror troede lover lovede foreslår foreslog fortæller fortalte
  forklarer forklarede spørger spurgte ringer ringede`,
);

/** Verbs of saying, answering and deciding: their bare subject at a sentence's start is a person. */
export const HUMAN_VERBS = wordSet(
  `mener mente siger sagde skriver skrev svarer svarede lovede lover synes syntes tror troede
  foreslår foreslog vurderer vurderede anbefaler anbefalede bevilger bevilgede afslår afslog
  beslutter besluttede fortæller fortalte forklarer forklarede spørger spurgte ringer ringede`,
);

/** First names' short forms with a stop: "Sv. Aa. Pedersen", "Jens Chr. Hansen". */
export const NAME_SHORT_FORMS = wordSet(`aa chr sv joh jac vilh fr th kr ths wm`);

/** Crafts that are surnames too: "Kok oplyser at …" is the cook, "Smed har bekræftet" the smith. */
export const CRAFTS = wordSet(
  `kok smed bager maler murer tømrer snedker fisker gartner skomager skrædder slagter møller
  væver præst degn`,
);

/** Seasons and weather that are surnames too: "Frost har bekræftet …", "Vinter er mødt op med sne". */
export const SEASONS_AND_WEATHER = wordSet(
  `sommer vinter forår efterår høst frost sne regn storm sol vind tåge torden hagl`,
);

/**
 * Verbs of reporting and admitting that a finding or a letter "does" too ("Prøven bekræfter",
 * "Scanning bekræfter brud"): their bare subject is a person only when it is a word the lists
 * hold as a surname or a first name ("Holm oplyser at …", "hjort bekræfter").
 */
export const NAME_SUBJECT_VERBS = wordSet(
  `oplyser oplyste bekræfter bekræftede meddeler meddelte beretter berettede udtaler udtalte
  erkender erkendte indrømmer indrømmede nægter nægtede benægter benægtede`,
);

/**
 * What only a person on duty does: takes over a case, cancels, stays away from something ("Høj
 * har overtaget sagen", "Lund aflyste besøget", "Lund udeblev fra mødet"). With «møder op» /
 * «mødte op», see `dutyDone` in scrub.ts.
 */
export const DUTY_VERBS = wordSet(`overtager overtog aflyser aflyste udebliver udeblev`);

/** The same, as a participle after «har» ("Høj har overtaget sagen"). */
export const DUTY_PARTICIPLES = wordSet(`overtaget aflyst`);

/** The same, as a participle after «har» ("Holm har oplyst"). */
export const NAME_SUBJECT_PARTICIPLES = wordSet(
  `oplyst bekræftet meddelt berettet udtalt erkendt indrømmet nægtet benægtet`,
);

/** The same, as a participle after «har» ("Krog har stadig ikke svaret"). */
export const HUMAN_PARTICIPLES = wordSet(
  `sagt skrevet svaret ment lovet ringet foreslået vurderet anbefalet bevilget afslået besluttet
  fortalt forklaret spurgt`,
);

/** The small words inside a name: "von", "de", "van der", "da", "dos". */
/** A staff member's shift or standing, in brackets after the title: "sygeplejerske (Nat)". */
export const SHIFT_WORDS = wordSet(
  `nat nattevagt dag dagvagt aften aftenvagt weekend weekendvagt vagt vikar afløser fast ny
  faste nye elev studerende leder tovholder`,
);

/** Particles that are a name's together even at a sentence's start ("De la Cruz har ringet"). */
export const PARTICLE_PAIRS = new Set([
  'de la',
  'de las',
  'de los',
  'van der',
  'van den',
  'van de',
  'von der',
  'von dem',
  'bin al',
  'ibn al',
]);

export const NAME_PARTICLES = wordSet(
  `von van der de da dos das du di del della la le bin ibn al el á í við ter ten zu`,
);

/** Verbs that follow a sentence's subject: after a first name that is also a word, it is a name. */
export const FINITE_VERBS = wordSet(
  `har havde er var blev bliver kan kunne skal skulle vil ville må måtte bor boede fik får går gik
  arbejder arbejdede synes syntes føler følte tror troede ved vidste døde døer lå ligger sad
  sidder stod står tog tager fandt finder faldt falder holdt holder deltager deltog`,
);

/**
 * Danish surnames that are everyday words too, which the word list does not hold as names
 * ("fisker", "brink", "frost"): a capitalised one beside an age or a role in brackets is the
 * surname ("Brink (sagsbehandler)").
 */
export const SURNAMES_IN_COMMON = wordSet(
  `brink hjort toft bach bang dam dahl dal berg bjerg lind kruse koch juul kjær vang strand krog
  mose bak bech hald krag fogh hviid munk due høg falk ørn ulv ravn hede bro vad birk ask møller
  fugl bakke svane bæk krage lyng kirk klit hejre stær spurv hare ræv elg steen næs odde rosen fog
  foged hammer kløver bøg høj glad rask`,
);

/** Family words: «Mor ringede» is about a mother, whatever a word list holds as a name. */
export const KINSHIP = wordSet(
  `mor far mors fars søster datter søn mormor morfar farmor farfar moster faster morbror farbror
  onkel tante`,
);
