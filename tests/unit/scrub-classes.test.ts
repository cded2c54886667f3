/**
 * The scrubber, by class of identifier that notes pasted from real systems carry: dates in words,
 * numbers broken over lines or spaced twice, digits of other scripts, initials, streets without
 * a number or with a span, names that are everyday words, links, case numbers and plates, and
 * places named by an institution's name — with the Danish word list, as the export runs it. And
 * the words it must leave, because the analysis needs them.
 */
import { describe, expect, it } from 'vitest';
import { loadDanishLexicon } from '../../electron/export/danish-lexicon';
import { scrubText } from '../../shared/model/scrub';

const lexicon = loadDanishLexicon();
const scrub = (text: string) => scrubText(text, [], { lexicon }).text;

describe('identifiers the scrubber masks', () => {
  it.each([
    ['Fødselsdato: 3. januar 1951', '3. januar 1951'],
    ['født: 03. september 1951 i Maribo', '03. september 1951'],
    ['f. 3. november 51', '3. november 51'],
    ['født 3/3 1951', '3/3 1951'],
    ['Født 3. 3. 1951', '1951'],
    ['født i februar 1951', 'februar 1951'],
    ['f. 1951, enke', '1951'],
    ['indlagt d. 12 okt. 2023', '12 okt'],
    ['indkaldt til 3. maj 10.30', '3. maj'],
    // A day and a month in figures, without the year.
    ['Vi ses 13/3 til kontrol.', '13/3'],
    ['d. 3/3 kom hun hjem', '3/3'],
    ['indlagt 12.3. og udskrevet 20.3.', '20.3'],
    ['indlagt 12/3-18/3 på medicinsk', '18/3'],
    ['Mødet 5/12 gik godt', '5/12'],
    ['jeg er født nytårsaften 1950 så jeg bliver glemt', 'nytårsaften 1950'],
    ['hun er født på juleaften', 'juleaften'],
    // A day alone, a feast of a year or a birthday on it, a day and a month with a dash.
    ['Har tid på OUH d. 14. kl. 8.15.', '14'],
    ['Vi ses den 14. kl. 10 på kontoret.', '14'],
    ['Ring d. 3., hvis det passer.', '3.'],
    ['Konen døde juleaften 2019, siden ingen jul.', 'juleaften 2019'],
    ['Knud har fødselsdag 2. juledag og hader det.', '2. juledag'],
    ['Hendes fødselsdag er nytårsaften.', 'nytårsaften'],
    ['fik besked om tid 21-02 kl. 11 på sygehuset', '21-02'],
    ['kontrol 3-4 kl. 9', '3-4'],
    ['næste tid er 05-11', '05-11'],
    ['faldt forrige tirsdag d. 12 i badeværelset', '12'],
    ['var på skadestuen 2/2 og igen 9/2', '2/2'],
    ['født -52, har været på førtidspension', '52'],
    ['susanne er født i 61, fylder snart rundt', '61'],
    ['Jeg blev født i Grindsted i 1983, og siden da', '1983'],
    ["Jeg er født i Vanløse i '54, og jeg dør nok på Nørrebro.", '54'],
  ])('a date: %s', (text, value) => {
    expect(scrub(text)).not.toContain(value);
    expect(scrub(text)).toContain('[DATO]');
  });

  it.each([
    ['ring på 22  33 44 55', '55'],
    ['tlf 22 33 44\n55 efter kl. 16', '55'],
    ['tlf:\n22 33\n44 55', '55'],
    ['22\t\t33 44 55', '55'],
    ['cpr 010203  1234', '1234'],
    ['cpr 010203\n1234 stod på papiret', '1234'],
    ['cpr 010203·1234', '1234'],
    ['cpr ٠١٠٢٠٣-١٢٣٤', '١٢٣٤'],
    ['tlf 2O 33 44 55 (med O)', '33 44 55'],
    ['cpr. 0l0203-l234', 'l234'],
    ['tlf 2\u03012 33 44 55', '44 55'],
    ['tlf 22\u316433 44 55', '44 55'],
  ])('a number however it is broken up: %j', (text, value) => {
    expect(scrub(text)).not.toContain(value);
  });

  it.each([
    ['Nøgleboks ved bagdøren, kode 4471.', '4471'],
    ['Koden er 1958 (hendes fødselsår).', '1958'],
    ['Pinkoden til døren: 2580', '2580'],
  ])('a code that opens a door: %j', (text, value) => {
    expect(scrub(text)).not.toContain(value);
    expect(scrub(text)).toContain('[NUMMER]');
  });

  it.each([
    ['bor i ringe nu, flyttede fra odense sidste år', 'ringe'],
    ['flyttede til hals efter skilsmissen', 'hals'],
    ['kører selv fra vrå til hjørring til dialyse', 'vrå'],
    ['flyttede til stege med sin første mand', 'stege'],
  ])('a town that is an everyday word, where someone lives or travels: %j', (text, value) => {
    expect(scrub(text)).not.toMatch(new RegExp(`(?<![\\p{L}])${value}(?![\\p{L}])`, 'u'));
  });

  it('a postcode after an address and its floor, with a dash between', () => {
    expect(scrub('bor i Skolegade 5, 2. – 7100 nu')).toBe('bor i [ADRESSE], 2. – [POSTNUMMER] nu');
  });

  it.each([
    // In a note written without its verbs: told beside it, with someone, asked alone, where
    // people are, or still what people are.
    ['Holm, sagsbehandler i kommunen, skal have kopi af referatet.', 'Holm'],
    ['Lykke, hendes veninde, har tilbudt at passe hunden.', 'Lykke'],
    ['Karl sagsbehandler har ikke svaret på mail.', 'Karl'],
    ['Liv og hendes mor var til stede under hele samtalen.', 'Liv'],
    ['Skov og borgeren aftalte ny tid.', 'Skov'],
    ['Borgeren spurgte efter sin søn. Storm? Nej, han bor i Aarhus nu.', 'Storm'],
    ['Hvem passer katten? Rosa. Hun har nøgle.', 'Rosa'],
    ['Kaj på besøg hos borgeren i går.', 'Kaj'],
    ['Rose i telefonen igen, hun vil have aktindsigt.', 'Rose'],
    ['Tove med på hospitalet som bisidder.', 'Tove'],
    ['Gro stadig sygemeldt, ingen fast kontakt.', 'Gro'],
    ['Tom åbenbart ikke informeret om aftalen.', 'Tom'],
    ['Sagen er overtaget af hr. skoven, og fru lunden kommer torsdag.', 'skoven'],
    ['Sagen er overtaget af hr. skoven, og fru lunden kommer torsdag.', 'lunden'],
    ['Fisker (fys) mener hun kan undvære rollatoren.', 'Fisker'],
    ['Holm fra kommunen (sagsbehandler) vil have en ny lægeerklæring.', 'Holm'],
    ['snakket m. sten (nabo) - han har en nøgle', 'sten'],
    ['kæresten (Mus kalder hun ham) må ikke være med', 'Mus'],
    ['mødte rosa og bo på apoteket', 'bo'],
    ['ørn og ravn fra fodboldholdet har sagt de henter ham', 'ørn'],
    ['ring hvis der er spørgsmål.\nvh MR', 'MR'],
    ['Tak for i dag. Kh KL', 'KL'],
    ['Tom ringede i går om medicinen.', 'Tom'],
    // An English word beside a Danish one is no phrase.
    ['ringede til jack i går, og mødte will og grace', 'jack'],
    ['ringede til jack i går, og mødte will og grace', 'will'],
    ['Bjørn og jeg gik en tur.', 'Bjørn'],
    ['Lykke var der også, og sten ringede i går.', 'Lykke'],
    ['Lykke var der også, og sten ringede i går.', 'sten'],
    ['Sten var hun ikke glad for, han var grov.', 'Sten'],
    ['Rosa og Bo kom på besøg.', 'Rosa'],
    ['Nok (som Siriporn kaldes) forstår ikke brevene.', 'Nok'],
    ['Lillemor, som hun kaldes, kommer hver tirsdag.', 'Lillemor'],
  ])('a name by what is said of it: %j', (text, value) => {
    expect(scrub(text)).not.toMatch(new RegExp(`(?<![\\p{L}])${value}(?![\\p{L}])`, 'u'));
  });

  it.each([
    ['aftale med J.H. om medicinen', 'J.H.'],
    ['J. H. ringede igen', 'J. H.'],
    ['bor på Nørregade 12-14', '12-14'],
    ['bor på Kirkevej 4,2.th', '4,2'],
    ['flyttede over på kirkevej sidste år', 'kirkevej'],
    ['hun har et hus på strandvejen', 'strandvejen'],
    ['jeg talte med sten i går om medicinen', 'sten'],
    ['hun snakker med bo hver dag', ' bo '],
    ['aftalt med bonde fra hjemmeplejen at hun kommer', 'bonde'],
    ['Sommer er hendes sagsbehandler', 'Sommer'],
    ['Læge: Ravn', 'Ravn'],
    // Who wrote, signed or did it: initials after a cue, or after a slash or a dash at the end.
    ['Datter er orienteret. /spl. KHJ', 'KHJ'],
    ['talt med afdelingen, som sender den. /hk', 'hk'],
    ['Pt. falder i søvn. / -AB', 'AB'],
    ['Næste 28/10. / -AKJ', 'AKJ'],
    ['Ny tid om 14 dage. / /psyk. SLH', 'SLH'],
    ['fik PN Truxal 25 mg. / /nat CA', 'CA'],
    ['Spirometri i morgen. / Sign. KOL', 'KOL'],
    ['Tilstede: vagthavende KRJ og anæstesien.', 'KRJ'],
    // A place's own name at a sentence's start, a word the list holds only as a compound.
    ['Kastanjehaven har skiftet personale igen.', 'Kastanjehaven'],
    ['Egelunden ringede i går om hende.', 'Egelunden'],
    // Initials in a genitive, or three letters that spell a word, or a street said to be one.
    ["Det var KJ's idé at ringe.", "KJ's"],
    ['Aftalt med KAT at hun ringer.', 'KAT'],
    ['hun bor på krog 2 nu', 'krog 2'],
    ['Han bor på have 3, 2. tv.', 'have 3'],
    ['Anne-Line ringede i går.', 'Line'],
    ['Notat ved: HBJ / Sepsisscreening positiv.', 'HBJ'],
    ['Kontrasigneret af overlægen d.d. ks. GLH', 'GLH'],
    ['Dikteret af overlægen, skrevet af MLJ. Ikke gennemlæst.', 'MLJ'],
    ['Oplært af HK på formiddagsruten.', 'HK'],
    // A number by a word for what it numbers, and the parts of a telephone number said to be one.
    ['Biopsi, præparatnr. P24-12877. Adenokarcinom.', '12877'],
    ['Tolkebestilling ref. TOLK-558129.', '558129'],
    ['Badebænk leveret. Bevillingsnr. HJ-118204.', '118204'],
    ['Ansøgning sendt, ref. HMI-2024-5538.', '5538'],
    ['Lønnr. 44810. Kontaktperson i HR', '44810'],
    ['egen læge, ydernr. 045127. PTSD', '045127'],
    ['opholdskort nr. RK 7741208. Går på sprogskole', '7741208'],
    ['tlf.nr. var fejlagtigt noteret som 20 45 66 1, korrekt', '66 1'],
    ['Ny mobil: 51 23. De sidste cifre er 84 06.', '51 23'],
    ['Ny mobil: 51 23. De sidste cifre er 84 06.', '84 06'],
    // Numbers dictated in words after the word for what they are.
    ['cpr nul fire nul to fire fire streg en to tre otte punktum', 'streg en to'],
    ['cpr-nummeret er tolv tolv seksoghalvtreds punktum', 'tolv tolv'],
    ['nummeret er seksogtres otteogtyve nej undskyld', 'seksogtres otteogtyve'],
    ['sagsnummer to nul to fire streg nul nul otte ni to syv punktum', 'otte ni to syv'],
    ['i Tølløse postnummer fire tre fire nul punktum', 'fire tre fire nul'],
    ['nummerpladen var a b tolv tre femogfyrre på en sort bil', 'tolv tre femogfyrre'],
    ['reg nummer en fem fem en konto tre fire fem seks syv otte ni nul', 'en fem fem en'],
    ['fødselsdato nul otte nul fem niogtredive punktum bor alene', 'nul otte nul fem'],
    ['journal nummer K tre otte fire to ni punktum notat slut', 'tre otte fire to ni'],
    ['telefon plus femogfyrre tre en tolv fire fem seks otte punktum', 'plus'],
    // Names in the frames a message or a note puts them in.
    ['hej sten her, mor er faldet igen', 'sten'],
    ['det er bo - kan du komme lidt senere', ' bo '],
    ['"hej det er rose fra afsnit 4, kan jeg få udgang"', 'rose'],
    ['"sten og jeg er hjemme kl 18" — sten er hendes mand.', 'sten'],
    ['Skov og jeg gik i skoven kl. 10', 'Skov'],
    ['har været nede hos møller på 1. sal for at låne telefon', 'møller'],
    ['patienten kaldes lille per på plejehjemmet', ' per '],
    ['Leif "Bulder" Holm har ikke drukket i 11 dage.', 'Bulder'],
    ['Thomas "Tommy" Sommer, ny borger.', 'Sommer'],
    ['Sol (egentlig Solveig) sidder helst ude.', 'Sol '],
    ['Gruppeterapi: Deltagere A., B., MK og Louise.', 'A., B.'],
    ['efternavnet staves K-O-W-A-L-S-K-I fornavn Bożena', 'K-O-W'],
    ['mail til ham, navnet stavet a h m a d', 'a h m a d'],
    ['Færøsk kusine Jógvan á Lakjuni er pårørende.', ' á '],
    // A house's number and floor dictated after the street.
    ['borgeren bor på lindevænget fjorten stuen til venstre', 'fjorten stuen'],
    // Close variants a review found.
    ['Adresse:\n-Vestergade 12, 2. th.', 'Vestergade'],
    ["bor på 'Vestergade 12'", 'Vestergade'],
    ['Læge: Fisker', 'Fisker'],
    ['Bostøtte: Hjort', 'Hjort'],
    ['Besøg kl. 15. Fisker og datter kom.', 'Fisker'],
    ['Ringede kl. 9. Frost ikke hjemme.', 'Frost'],
    ['Opgang A. Sommer bor der.', 'Sommer'],
    ['Talte med Lene Vest i dag.', 'Vest'],
    ['Bente Post ringede.', 'Post'],
    ['hej asa her', 'asa'],
    ['halløj sten her', 'sten'],
    ['hej igen det er sten', 'sten'],
    ['i går var sten og jeg i byen', 'sten'],
    ['jeg og sten gik en tur', 'sten'],
    ['hos familien møller', 'møller'],
    ['kaldes tykke per', 'per'],
    ['Thomas „Tommy“ Sommer kom', 'Sommer'],
    ['Thomas (Tommy) Sommer kom', 'Sommer'],
    ['Sol, egentlig Solveig, ringede', 'Sol'],
    ['Deltagere Louise, A. og B.', 'A.'],
    ['stavede hun K-O-W-A-L-S-K-I', 'K-O-W'],
    ['Signatur: KHJ', 'KHJ'],
    ['Skrevet af: KHJ', 'KHJ'],
    ['Medicin givet. — KHJ', 'KHJ'],
    ['Pt. falder i søvn.\n-AB', 'AB'],
    ['Ref. TOLK-558129', '558129'],
    ['Bevilling nr. 118204', '118204'],
    ['Lønnummer 44 810', '44 810'],
    ['de sidste cifre er 8406', '8406'],
    ["CPR'en er nul fire nul to fire fire", 'nul fire nul'],
    ['født den nul otte nul fem niogtredive', 'nul otte nul'],
    ['nummerpladen er AB tolv tre femogfyrre', 'tolv tre'],
    // From an eighth corpus: fields, tables and logs.
    ['Familiebehandler: AKS', 'AKS'],
    ['Bostøttemedarbejder: JBK', 'JBK'],
    ['Ansvarlig: AHJ, kontrolleret af: PB', 'AHJ'],
    ['Modtaget af: ABK/LOJ', 'LOJ'],
    ['J.nr. 2024-004512. Videresendt til JHL.', 'JHL'],
    ['Mor kalder barnet "Pusling" og "Lillemus".', 'Lillemus'],
    ['B: Det var skidt. Frank - det er min nabo - han kom med mad.', 'Frank'],
    ['udbetales til reg. 6510 konto 1234567.', '1234567'],
    ['Kontakt: tlf. 9915 5000 lokal 4521.', '4521'],
    ['Sidste 4 cifre i nummeret: 4412. Hun ringer igen.', '4412'],
    ['Sag ved Familieretshuset: 2024-FRH-19922.', '19922'],
    ['midlertidigt ID UK-2024-117. Senere identificeret.', 'UK-2024'],
    ['tolkens ID T-55102. Skulderprotese.', '55102'],
    [
      'Hjemmeplejen kører til Toftevænget 6, Kirkestræde 4 og Skovbrynet 8 før kl. 9.',
      'Skovbrynet',
    ],
    // What a second review found the street rule had let through, and close variants.
    ['Solsikken 12 er besøgt i dag.', 'Solsikken'],
    ['Havnen 12 er besøgt i dag.', 'Havnen 12'],
    ['Adr.: Solsikken 14', 'Solsikken'],
    ['Skovbrynet 8 st. th.', 'Skovbrynet'],
    ['Hun bor sammen med sin mand på Solsikken 14', '14'],
    ['Solsikken 14 og Skovbrynet 8 besøgt.', 'Solsikken'],
    ['Modtaget af: ABK og LOJ', 'LOJ'],
    ['Videresendt til: ABK', 'ABK'],
    ['Ansv.: ABK', 'ABK'],
    ['Kontakt: lokal 3318. Næste tilsyn', '3318'],
    ['Reg. 6510 - konto 1234567', '1234567'],
    ['Reg 6510 kto 1234567', '1234567'],
    ['Jens Bell ringede. Bells datter kom også.', 'Bells'],
    ['adressen er Egevej tre A første sal i byen', 'tre A første'],
    ['adressen er Jernbane Allé femogtredive tredje sal til højre', 'femogtredive'],
    ['bor på vejen fjorten fire tusind tre hundrede holbæk punktum', 'fire tusind tre hundrede'],
    ['sendes til postboks tolv seks tusind syv hundrede esbjerg', 'seks tusind syv hundrede'],
    ['kl. 15 Hansen ringede igen', 'Hansen'],
    ['tlf. 12 34 56 78. Hansen ringede igen', 'Hansen'],
    ['spurgte Na 45 år om vej', 'Na'],
    ['Munk har været hendes læge i 20 år', 'Munk'],
    ['Stig er hendes bror og hjælper hende', 'Stig'],
    ['Bror ringede i går', 'Bror'],
    ['se https://www.facebook.com/jette.munk.12', 'munk'],
    ['hendes profil: instagram.com/sommerfuglen_1962', 'sommerfuglen'],
    ['sagsnr. 123456 i kommunen', '123456'],
    ['mail: sommerfugl (snabel-a) gmail punktum com', 'sommerfugl'],
    ['skriv til karen.h [at] mail.dk', 'karen.h'],
    ['journalnr: AB-2023-117', 'AB-2023-117'],
    ['nummerplade AB 12 345 på bilen', '12 345'],
    ['går på Rosenhøjskolen', 'Rosenhøjskolen'],
    ['kommer i Møllehuset hver tirsdag', 'Møllehuset'],
    ['bor på Solgårdscentret', 'Solgårdscentret'],
    ['bor på torvet 3', 'torvet'],
    ['Kim og Lone har ikke talt sammen siden skilsmissen.', 'Kim'],
    ['Per, Bo og Hans fra bofællesskabet spiser sammen.', 'Per'],
    ['Sten døde for to år siden.', 'Sten'],
    ['Bo har ondt i ryggen igen.', 'Bo'],
    ['Det var det for i dag. /Tove', 'Tove'],
    ['Hans Jensen ringede. Han var vred.', 'Jensen'],
    ['(f. 3.3.1952)', '1952'],
    ['født (12.04.1956) i Nakskov', '12.04'],
    ['fdt. 03.03.1952', '03.03'],
    ['DOB: 1952-03-03', '1952'],
    ['fødselsdag 12/4', '12/4'],
    ['fødselsdato 3 3 52', '3 3 52'],
    ['møde 2024-03-05 kl. 10', '03-05'],
    ['Han blev henvist af dr. de Neergaard.', ' de '],
    ['Tolken, Marco da Silva, talte portugisisk.', ' da '],
    ['Sophie van der Berg er hendes kontaktperson.', 'van der'],
    ['Der står BJERG, LONE på døren.', 'BJERG'],
    ['Navn på brevet: LONE BJERG.', 'BJERG'],
    ['Kaldenavn: Tøsen.', 'Tøsen'],
    ['Hun kalder ham bare "Bamse", og det gør hjemmeplejen også.', 'Bamse'],
    ['"Spørg bare efter \'Mus\'," sagde hun.', 'Mus'],
    ['Bjerg mener ikke, at hun kan arbejde.', 'Bjerg'],
    ['Krog har stadig ikke svaret på min ansøgning.', 'Krog'],
    ['Vinter er min kontaktperson, og hun er fantastisk.', 'Vinter'],
    ['Sommer fra jobcentret har sendt hende i ressourceforløb.', 'Sommer'],
    ['overlæge bjerg vil se hende igen om 3 mdr', 'bjerg'],
    ['sagsbehandleren krog har ikke ringet tilbage', 'krog'],
    ['Sommer: det er ikke min opgave.', 'Sommer'],
    ['Ring på fire to tre tre nul ni otte syv.', 'nul ni otte'],
    ['cpr: nul tre nul tre otteogfirs 22 11', 'otteogfirs'],
    ['Nummeret er otteogtyve femten halvfems tolv.', 'halvfems'],
    ['hun er født tolvte marts 61', 'tolvte'],
    ['født d. tolvte april nitten hundrede og seksoghalvtreds', 'seksoghalvtreds'],
    ['og de sidste fire er 1234.', '1234'],
    ['Mailen er jytte punktum larsen snabel a hotmail punktum dk', 'hotmail'],
    ['Skriv til mig på lone dot hansen at gmail dot com', 'gmail'],
    ['Mail: lone.hansen @ gmail.com', 'gmail'],
    ['Gl. Kongevej 112, 4. th.', 'Gl.'],
    ['Hun bor hos sin bror på Storegade 5, 1.', '1.'],
    ['Hun har fået en ældrebolig i Rosengården 4, lejl. 12.', 'lejl'],
    ['adressen er vestergade 22 anden sal til venstre', 'anden sal'],
    ['Hun bor i 4850 og skal med bus til sygehuset.', '4850'],
    ['Ankenummer 24-1187 i Ankestyrelsen.', '1187'],
    ['Ref: KK-33455', '33455'],
    ['Ægtefælle: Lone Hansen-Brink', 'Brink'],
    ['Ægtefællen Kamal Ud-Din har diabetes.', 'Din'],
    ['Borger er flyttet fra Vestergade 22, 1. til plejeboligen.', '1.'],
    ['Storm fra familieafdelingen deltager også.', 'Storm'],
    ['Dam (leder af hjemmeplejen) har godkendt ekstra tid.', 'Dam'],
    ['Sand har ansvar for medicindosering i weekenden.', 'Sand'],
    ['Munk er ny i teamet.', 'Munk'],
    ['Sagsbehandler: AHO (Anne Holm)', 'AHO'],
    ['Ønsker aktindsigt i sag 23/18842.', '18842'],
    ['Sønnens bil, reg. bn 12 004.', '12 004'],
    ['fik hjælp af kirsten til at udfylde skemaet', 'kirsten'],
    ['hun sagde at palle var faldet igen', 'palle'],
    ['fødselsdag er d. 5/11', '5/11'],
    ['følg @lenekrog_official', 'lenekrog'],
    ['sms fra storm om at han ikke kan komme', 'storm'],
    ['jeg sagde til ravn at vi ikke kan bevilge mere', 'ravn'],
    ['hun er født tredje i ottende nitten otteoghalvtreds', 'otteoghalvtreds'],
    ['født 3. maj nitten tres', 'tres'],
    // A number dictated with «og» apart, a CPR's last digits «i mit cpr», a year of birth said
    // as where one is from, a year's tens in words after its date.
    ['mit nummer er tre og tyve, halvfjerds, nul fem, toogfirs', 'tre og'],
    ['de sidste fire i mit cpr er 1937 hvis det hjælper', '1937'],
    ["jeg er fra '61 så jeg har knoklet hele mit liv", '61'],
    ['Mor er fra 1944 og bor alene.', '1944'],
    ['Han er årgang 52.', '52'],
    ['hun er født tredje juli toogfirs og har to børn', 'toogfirs'],
    // User names, and numbers a few words after the word for them.
    ['brugernavn inge.k.52 blev spærret', 'inge'],
    ['Borgers brugernavn i Cura-appen er lolland_jens47.', 'jens47'],
    ['Medlemsnr. i patientforening 8834201.', '8834201'],
    // A second postcode once one is given.
    ['jeg bor i 4900 nu, ikke længere i 4930', '4930'],
    // Initials or a name after a staff role, or in brackets after a title.
    ['Bostøttemedarbejder KH har haft samtale med borger.', 'KH'],
    ['Sygeplejerske MS kommer i morgen.', 'MS'],
    ['Min medicin blev ændret, men egen læge (Hjelm) fik ikke epikrise.', 'Hjelm'],
    // Where the person is from, between the name and the verb of saying.
    ['Hjort fra boligforeningen mener at lejligheden er for lille.', 'Hjort'],
    // Particles in capitals, or two of them, wherever the name stands.
    ['DE LA CRUZ, ROSALIE – ny medarbejder i hjemmeplejen.', 'DE LA'],
    ['De la Cruz har ringet.', 'De la'],
    // Close variants of the same classes.
    ['de 4 cifre af personnummeret er 1234', '1234'],
    ['de fire sidste i min fars cpr er vist nok 12 34', '34'],
    ['medlemsnummeret i fagforeningen er 8834201', '8834201'],
    ['policenummer hos Tryg er AB-88342', '88342'],
    ['hendes login-navn er ingek52', 'ingek52'],
    ['hans login til borger.dk er jens.h', 'jens'],
    ['min kone er fra 53', '53'],
    ['Lykke fra jobcentret siger vi skal vente.', 'Lykke'],
    ['Hjort mener det er for dyrt.', 'Hjort'],
    ['Irma sagde at hun ikke ville.', 'Irma'],
    ['Vi talte med Karen Løvbjerg i dag.', 'Løvbjerg'],
    ['sagsbehandler (AH) har ikke svaret', 'AH'],
    // A care home's or a school's own name in lower case, after what kind of place it is.
    ['min mor bor på plejehjemmet solglimt og de ringer ikke', 'solglimt'],
    ['bostedet egeskov har ringet', 'egeskov'],
    ['botilbuddet lindely', 'lindely'],
    // What is to be done to someone, said of a bare word at a sentence's start.
    ['Vinter skal ringes op inden jul, ellers går der hele vinteren.', 'Vinter skal'],
    ['Bjerg skal indkaldes til møde.', 'Bjerg'],
    // A number dictated in hundreds.
    ['cpr er nul tre nul tre fireoghalvtreds tolv hundrede og fireogtredive', 'fireogtredive'],
    ['ring på toogtyve, tredive, fire hundrede og tolv, seks', 'hundrede'],
    // An e-mail dictated with «punkt».
    ['min mail er kaj punkt bjerg snabel-a hotmail punkt dk men jeg kigger der sjældent', 'bjerg'],
    ['skriv til kurt punkt nielsen snabel-a mail punkt dk, det er værgens', 'nielsen'],
    // Staff initials after a role's short name, and a note signed with them.
    ['SSA KH obs. BT 165/95, kontakt til egen læge.', 'KH'],
    ['Tovholder JKM, SSA ABO og spl. LH deltog. KOL-plan og ADL gennemgået.', 'JKM'],
    ['Tovholder JKM, SSA ABO og spl. LH deltog.', 'ABO'],
    ['Sår på ve. crus skiftet, ser pænt ud. /LKJ 14.30', 'LKJ'],
    ['Borger fundet på gulv kl. 21.40. /AH', 'AH'],
    ['Notat v/ HBJ: møde m. borger og pårørende.', 'HBJ'],
    // The last four of a CPR number: in words, after «og det er», or later in the sentence.
    ['de fire sidste er nul otte tre fem hvis I skal bruge det', 'nul otte tre fem'],
    ['hun spurgte om de sidste fire i mit cpr og det er 2318 og så', '2318'],
    ['hun sagde cpr 120557 og så bagefter 3318 da jeg spurgte om resten', '3318'],
    // A birth cohort, a bank's registration number, a postcode said alone, a MitID user.
    ["jeg er en 45'er så jeg har prøvet lidt af hvert", '45'],
    ['Borgers reg.nr. 0400 og kontonr. 4400123456 oplyst ifm. refusion.', '0400'],
    ['postnummeret er 4990 for vi er flyttet ind til byen nu', '4990'],
    ['MitID-bruger: HANSEN-44771 (oprettet i Borgerservice)', '44771'],
    // What a review found the first version of these rules let through.
    ['Jeg er enig i det Sommer sagde på mødet.', 'Sommer'],
    ['Jeg talte med Birgitte Præst i går.', 'Præst'],
    ['Aftalt med MD at hun ringer i morgen.', 'MD'],
    ['Venlig hilsen\nDag', 'Dag'],
    // A weekday or a month with a capital, right after a name, is its surname.
    ['den nye hjemmehjælper hedder Lise Fredag og hun kommer hver fredag', 'Fredag'],
    // A nickname or an animal's name, said so in brackets, in any case, and wherever else it is
    // (its genitive too); the pronoun «hans» never has a genitive's apostrophe.
    ['kiks (hunden) får mig op. hvis kiks skal i pension, bliver jeg hjemme', 'kiks'],
    ['Mulle (vores kat) sover hos mig. Jeg savner Mulle.', 'Mulle'],
    ['Fister (hans kælenavn fra havnen) hjælper. Fisters kone er død.', 'Fister'],
    ["Hans' datter kommer sjældent. Hans selv siger ingenting.", 'Hans'],
    // Initials: a signature's after a greeting, the minutes' writer, one talked with even when
    // they spell a measure, and a slash's at the end of an unpunctuated note.
    ['hilsen fra K & B – tak for i dag', 'K & B'],
    ['Tak for i dag. VH A-M', 'A-M'],
    ['Talte med HB.', 'HB'],
    ['Lykke fra vores team ringede i går.', 'Lykke'],
    ['bamse (hunden) sover, og bamses snor hænger i gangen', 'bamse'],
    ['Deltagere: mor og datter\nReferent: MKJ', 'MKJ'],
    ['aftalt med HB at hun selv ringer til lægen', 'HB'],
    ['hun var vred over at ingen havde sagt noget /hk', 'hk'],
    // A house's number without its street: with floor and side, or where someone lives.
    ['nr. 14 st. tv. – det er os', '14'],
    ['Naboen i nr. 16 har nøglen.', '16'],
    // Postcodes alone: where someone is registered, and what a record says instead.
    ['Hun er skrevet på i 4800 men bor hos sin søster i 4880.', '4800'],
    ['Hun er skrevet på i 4800 men bor hos sin søster i 4880.', '4880'],
    ['postnr 4990 står forkert i systemet (der står 4900)', '4900'],
    // A place's own name at a sentence's start: as one word with its kind, or with the kind after.
    ['Tingstedskolen ringede om ham igen.', 'Tingsted'],
    ['Solgården plejehjem ringede ikke, da far faldt.', 'Solgården'],
  ])('%j', (text, value) => {
    expect(scrub(text)).not.toContain(value);
  });
});

describe('initials in a greeting, masked whole', () => {
  it.each([
    ['hilsen fra K & B – tak for i dag', 'hilsen fra [NAVN] – tak for i dag'],
    ['Tak for i dag. VH A-M', 'Tak for i dag. VH [NAVN]'],
    ['Med venlig hilsen\nK & B', 'Med venlig hilsen\n[NAVN]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

describe('letters that also abbreviate or spell a word, as initials where only a person stands', () => {
  it.each([
    ['KL mødte ikke op til samtalen kl. 10', '[NAVN] mødte ikke op til samtalen kl. 10'],
    ['jeg har talt med KL om det, hun er enig', 'jeg har talt med [NAVN] om det, hun er enig'],
    ['aftalt m. KL at han kommer.', 'aftalt m. [NAVN] at han kommer.'],
    ['ringede KR i går.', 'ringede [NAVN] i går.'],
    ['KL og MH var med', '[NAVN] og [NAVN] var med'],
    ['notat v. KL', 'notat v. [NAVN]'],
    ['Notat v. KL og TH', 'Notat v. [NAVN] og [NAVN]'],
    ['aftalt m. KL og TH at han kommer', 'aftalt m. [NAVN] og [NAVN] at han kommer'],
    ['KL: hun vil gerne i praktik', '[NAVN]: hun vil gerne i praktik'],
    ['husk: til TH: ring til borger', 'husk: til [NAVN]: ring til borger'],
    ['AB (jobkonsulent) deltog', '[NAVN] (jobkonsulent) deltog'],
    ['KL (sagsbehandler) var med', '[NAVN] (sagsbehandler) var med'],
    ['læge (KL) ringede, og søster (AB) kom', 'læge ([NAVN]) ringede, og søster ([NAVN]) kom'],
    ['bisidder (AK) var med', 'bisidder ([NAVN]) var med'],
    ['Til stede: mor, far og KL', 'Til stede: mor, far og [NAVN]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'KL 10 kommer hun, og det koster 200 KR om ugen.',
    'Hun sagde JA. Han sagde NEJ til tilbuddet, og hun svarede OK.',
    'OBS: husk nøgle. NB: ring først. FX: hun kunne ikke komme.',
    'CT viste intet. EKG normal. Pt. får AK (antikoagulation).',
    'Hun har KOL og AK-behandling. Mødet kl. 10, TH side.',
    'ringede til lægen og OK, og hun sagde NEJ og JA',
    // The municipalities' body, and headings that are words.
    'Ifølge KL skal kommunen betale. KL mener at reglerne er for stramme.',
    'MÅL: at borger kommer i job\nSÅR: heler fint\nKL: 14.00 møde med borger',
  ])('and leaves them where they abbreviate: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('handles and spelt-out addresses online', () => {
  it.each([
    ['hendes nye mail er karen.hjort(a)gmail.com', ['karen', 'hjort', 'gmail']],
    ['hun hedder sofie_2009 på snap, og han er kalle#4411', ['sofie', '2009', 'kalle', '4411']],
    ['gamertag: kalle88', ['kalle88']],
  ])('%j', (text, parts) => {
    const scrubbed = scrub(text);
    for (const part of parts) expect(scrubbed).not.toContain(part);
  });

  it('leaves codes with a dot or a dash, and lettered points', () => {
    const text = 'ICD-10 kode F32.1, punkt (a) og (b), se afsnit 3_2';
    expect(scrub(text)).toBe(text);
  });
});

describe('a case number by its system, and a birth year in two figures', () => {
  it.each([
    ['i sag 88123 er der ikke sket noget', 'i sag [NUMMER] er der ikke sket noget'],
    ['sagen 4411 er lukket', 'sagen [NUMMER] er lukket'],
    ['DUBU-sag 88123 og DUBU 88124', 'DUBU-sag [NUMMER] og DUBU [NUMMER]'],
    ['lejemål 44-112', 'lejemål [NUMMER]'],
    [
      'sag #4411, sag-4412, sagen: 4413, DUBU: 88123, nexus 123456',
      'sag #[NUMMER], sag-[NUMMER], sagen: [NUMMER], DUBU: [NUMMER], nexus [NUMMER]',
    ],
    ['Sagen (4411) er lukket', 'Sagen ([NUMMER]) er lukket'],
    ['hun er født 61 og bor alene', 'hun er født [DATO] og bor alene'],
    ['f.61', 'f.[DATO]'],
    ['Født: 61, født ca. 62, fødselsår 63', 'Født: [DATO], født ca. [DATO], fødselsår [DATO]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'sag 2 af 3, en sag på 2000 kr, sagen tog 3 uger, lejemål på 45 m2',
    'Vi drøftede sagen 10-15 minutter. Retssagen 2021 endte. Sagen 2023-2024 er lukket.',
    'Årsagen 1-2 gange, og han søger lejemål 2-3 værelser, sagen 10000 kr',
    'Barnet er født 37+2. Mad f. 12 personer. Født 52 centimeter lang.',
    'født ca. 3 uger for tidligt',
    'Født: 37 uger',
    'født 4-5 uger for tidligt, født 32 uger, født i 32. uge, født 10 dage for sent',
    'f. eks. 12, f. 12 kr',
  ])('and leaves counts and amounts: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a surname or first name that is an everyday word, in lower case, said of a person', () => {
  it.each([
    ['hjort ringer tilbage i morgen', '[NAVN] ringer tilbage i morgen'],
    ['skov var syg så mødet blev flyttet', '[NAVN] var syg så mødet blev flyttet'],
    ['dam har været syg hele ugen', '[NAVN] har været syg hele ugen'],
    [
      'holm er på ferie, og sommer har ferie til d. 20.',
      '[NAVN] er på ferie, og [NAVN] har ferie til d. [DATO].',
    ],
    ['hun hedder hjort', 'hun hedder [NAVN]'],
    ['kæresten hedder sommer til efternavn', 'kæresten hedder [NAVN] til efternavn'],
    ['Sommer er syg i dag, siger kollegaen', '[NAVN] er syg i dag, siger kollegaen'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Han så en hjort i haven og blev glad. Hans bror er syg og kan ikke hjælpe.',
    'sommer er ferie for mange, sol var fremme, dam var frosset, skov var mørk',
    'det hedder ergoterapi, hvad hedder det nu, hun hedder noget andet nu',
    'lykke er vigtig, og lykke har fået ny betydning',
    'Mester er syg i dag. kok er syg i dag. Hun fortæller at fisker er på ferie.',
    'Kurset hedder mindfulness. Medicinen hedder sertralin. Han kaldes ind til samtale.',
    'Det blev en hed diskussion. Hun hed tidligere noget andet. Han er døbt katolsk.',
  ])('and leaves the word where it is a thing: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it('leaves a verb after «hun» that the list also holds as a name («Hun ser Karen»)', () => {
    expect(scrub('Hun ser Karen hver uge')).toBe('Hun ser [NAVN] hver uge');
    expect(scrub('hun ringede til karen Hansen')).toBe('hun ringede til [NAVN] [NAVN]');
  });
});

describe('a village that is an everyday word too, where someone lives or moved to', () => {
  it.each([
    ['jeg hedder kasper og jeg bor i lem', 'lem'],
    ['bor i vig ved sin mor', 'vig'],
    ['han er opvokset i vig', 'vig'],
    ['bor på fur', 'fur'],
    ['flyttet til fur sidste år, og bor nu i omme', 'omme'],
    ['bor nu i lem med sin datter', 'lem'],
    ['boede i hals, da hun var barn', 'hals'],
    ['bor i sønder omme', 'omme'],
    ['bor nu alene i lem', 'lem'],
    ['flyttede tilbage til vig', 'vig'],
    ['født i lem', 'lem'],
    ['bor i vig tæt på skolen', 'vig'],
    ['bor på 2. sal på kirkevej 3 i vig og kan ikke komme op', 'vig'],
  ])('%j', (text, village) => {
    const scrubbed = scrub(text);
    expect(scrubbed).not.toMatch(new RegExp(`(?<!\\p{L})${village}(?!\\p{L})`, 'u'));
    expect(scrubbed).toContain('[ADRESSE]');
  });

  it.each([
    'Hun bor i lejlighed, han bor i hus med have, og de bor i øvrigt tæt på hinanden.',
    'bor i dag på bosted, flyttede i sommer, og bor i lille lejlighed nu',
    'bor på psykiatrisk afdeling, bor i egen bolig, bor på landet, bor i byen',
    'flyttet til mor, flyttet til datteren, bor i landsby, bor i tryghed',
    'bor i telt, bor på gård, bor på hotel, bor i campingvogn, bor i ungdomsbolig',
    // What a review of the first version found it masked.
    'Han er flyttet til aflastning. Hun bor i plejefamilie. Han bor på efterskole.',
    'Hun bor i samme kommune som sin mor, de bor i lille by, han bor i frygt for ham.',
    'Borger er opvokset i misbrug og vold. Han bor på sofa hos en ven.',
    'født i går, født i uge 32, født på hospital, flyttede hjem til mor, bor ude på landet',
  ])('and leaves a home, a person, a time or how someone lives: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('names told by what is said of them, everyday words too', () => {
  it.each([
    // After «kalder ham» or «vi kaldte hende», the word is the name — and so wherever else it stands.
    ['jeg kalder ham bare sol. han er den eneste', ['sol']],
    ['da mus døde, det var min lillesøster, vi kaldte hende mus fordi hun var så lille', ['mus']],
    ['derhjemme kalder vi ham bare mus', ['mus']],
    ['Kælenavn: Bamse', ['Bamse']],
    // An age beside a word the list holds as a name, or one it does not know.
    ['Lærke (7 år) og Vinter (4 år) bor hos mig', ['Lærke', 'Vinter']],
    // Everyday words that are first names or surnames too.
    ['Storm (7 år) og Vinter (4 år) bor hos mig', ['Storm']],
    ['vi kaldte hende sol. sol var en glad pige', ['sol']],
    ['Brink (sagsbehandler) ringede i går', ['Brink']],
    ['Lis, 81 år, bor alene', ['Lis']],
    ['Wiktoria (15) kom med', ['Wiktoria']],
    // A role in brackets.
    ['Jeg har fået at vide af SBR (sagsbehandler) at jeg skal søge 20 job', ['SBR']],
    ['AM (borger) + mand Søren – begge ønsker ro', ['AM']],
    // Initials as a sentence's subject, doing what a person does; initials joined to them.
    ['IL har glemt sin medicin igen.', ['IL']],
    ['Mødet blev holdt. AH og MS deltog i mødet.', ['AH', 'MS']],
    ['Til stede: AH og MS', ['AH', 'MS']],
    // A shop or a firm beside a town that is masked: where someone works.
    ['sygemeldt med stress fra Netto i Hadsten', ['Netto', 'Hadsten']],
    ['praktik i Føtex i Skive', ['Føtex', 'Skive']],
    ['Han arbejder på Vestas i Lem.', ['Vestas']],
    // A day and a month in a fraction's shape, after a place that was masked, ending the clause.
    ['husk kørsel til svendborg 3/4', ['3/4']],
    ['kørsel til Odense 3/4 kl. 10', ['3/4']],
    // Initials after the workshop's own roles.
    ['Til stede: Lykke, kontaktperson Birthe Ahl, facilitator ES. Hun ønsker ikke.', ['ES']],
    // Initials right after what a person does.
    ['sagde AH at hun kommer i morgen', ['AH']],
    ['skrev LMS i journalen', ['LMS']],
    // A name the list holds, in lower case, as the one met or greeted, or whose help it was.
    ['mødte kis og pia i dagcentret', ['kis', 'pia']],
    ['hilste på lis ved indgangen', ['lis']],
    ['fik hjælp af storm i kantinen', ['storm']],
    // In lower case, where someone lives or lies: a home's name the word list does not hold.
    ['bor på rosenhaven nu, trives fint', ['rosenhaven']],
    ['hans kone ligger på humlehaven', ['humlehaven']],
    // A word in the genitive before the kind of place, both with capitals: the place's name.
    ['Sofie – mor Dorthe – skole: Kongevejens Skole', ['Kongevejens']],
    // A town joined by a dash to a town that was masked, in lower case too.
    ['frank pendler ry–skanderborg, 2 busser hver vej', ['ry–', 'skanderborg']],
    // Initials as the one talked with, or among those present.
    ['Aftalt med KHS at hun følger op på tandlægen.', ['KHS']],
    ['aftalt med AKH og LMS at de ringer', ['AKH', 'LMS']],
    ['Aftalt m. AKH', ['AKH']],
    ['Til stede: mor, far, Wiktoria og MKN.', ['MKN']],
    // A lone initial before a birth date; a lone capital signing a message.
    ['Barnet, N., f. 03.11.2017, fortæller at hun ofte er alene', ['N.,']],
    ['"hvor er du?? A"', ['A"']],
    // Names that a medicine's or a disease's word list might hold stay names.
    ['Underskrevet: Abi Graves', ['Abi', 'Graves']],
    ['hej det er sten igen. ku du ringe', ['sten']],
    // A house in lower case, by its floor and side; a care home's name in brackets.
    ['jeg sover hos min fætter på sofaen, ruten 23 3 th, men', ['ruten', '3 th']],
    ['Idé: at plejecentret (Bredagerhus) laver et livshistorie-ark', ['Bredagerhus']],
    // A school's or a home's name and its kind as one word, in lower case.
    ['han går på tjørnegårdsskolen i 3. klasse', ['tjørnegårdsskolen']],
    ['sønnen går på vestervangskolen, og datteren i ådalsbørnehaven', ['vestervang', 'ådals']],
    ['hun bor nu på solgårdsplejehjemmet', ['solgårds']],
    // A list written in lower case with a name in it is a list of people, everyday words too.
    ['i går kom pia, sten og ole forbi', ['pia', 'sten', 'ole']],
    ['bo og kirsten fra kirken kommer med mad', ['bo', 'kirsten']],
    ['jeg har haft 5 sagsbehandlere: pia, lone, jens og nu bente', ['pia', 'lone', 'bente']],
    // From the one name beyond doubt at the end, along the whole list.
    [`${'sten, bo, '.repeat(12)}sten og ole`, ['sten', 'bo']],
    ['vi så birthe eller frank i weekenden', ['birthe', 'frank']],
    // A first name that is an everyday word, called little and given an age, in lower case.
    ['3 børn: mikkel 14, freja 11 og lille sol på 2', ['sol']],
    // A column of names in a pasted table: its everyday-word and nickname cells are names too.
    [
      'Navn | Vagt | Tlf\nAhmad Yusuf | dag | 31 55 02 78\nSigne Hjort | aften | 53 80 19 44\nKiks (vikar) | nat | -\nBamse | nat | -',
      ['Kiks', 'Bamse'],
    ],
    ['Medarbejder\tVagt\nLone Berg\tdag\nMus\tnat', ['Mus']],
    // Who someone is, said beside the name without a comma, in the citizen's spoken words.
    ['storm min søn han er 14 og han er vred hele tiden', ['storm']],
    ['August min lillebror er den eneste der ved det', ['August']],
    ['min dreng bo han har adhd', ['bo']],
    ['jeg var hos ravn altså min fysioterapeut', ['ravn']],
    // A text that opens with who writes; who a greeting is to, and the list after it.
    ['rose her, jeg kan ikk komme på mandag', ['rose']],
    ['hej sten og lis vi ses til julefrokost', ['sten', 'lis']],
    // Signed after a greeting, or after what the writer did; initials and the writer's role.
    ['Aftalt opfølgning om 14 dage. / Mvh AKS', ['AKS']],
    ['Husnøgle udleveret til hjemmeplejen, kvitteret af JKP.', ['JKP']],
    ['Videregivet til dagvagten. LMJ ssa', ['LMJ']],
    // A name right before a birth date; a word joined to a name by a slash.
    ['Sundhedsplejen: Ida født 12.05.2023, mor Emilie', ['Ida']],
    ['man: Gitte/Rose. ons: Gitte/Mus', ['Mus']],
    // A street whose name ends as a scale's word does, and a name hyphenated to a group.
    ['Han bor på Skovgrad 14, 2. tv.', ['Skovgrad']],
    ['Han bor på Skovskår 14, 2. tv.', ['Skovskår']],
    // A roster pasted without its heading: the first line is read as the rest.
    ['Kiks | nat\nOle Hansen | dag\nLis Berg | aften', ['Kiks']],
    // Lower-case initials in the list of who is responsible or was there.
    ['ansvarlige: ak, ml, tb', ['ak', 'ml', 'tb']],
    ['Deltagere: ak og ml. Næste møde om 14 dage.', ['ak', 'ml']],
    // Before a birth date, a name that ends as a definite word does; «min lille sol på 2».
    ['Karen født 12.05.1950, Søren f. 3.4.1948', ['Karen', 'Søren']],
    ['min lille sol på 2, hun er alt for mig', ['sol']],
    ['Karen-gruppen mødes hver tirsdag', ['Karen']],
  ])('%j', (text, values) => {
    const out = scrub(text);
    for (const v of values) expect(out).not.toContain(v);
  });

  it.each([
    ['Mor (67 år) og far kom', 'Mor (67 år)'],
    ['KOL (5 år), ingen rygning', 'KOL (5 år)'],
    ['SSA (sosu-assistent) kom kl. 8', 'SSA (sosu-assistent)'],
    ['Autismespektrumforstyrrelse (tidligere kaldt Aspergers syndrom).', 'Aspergers syndrom'],
    ['Gik til afd. B', 'afd. B'],
    ['skolen (Nat) ringede', '(Nat)'],
    ['Tog 3 tabletter 2 th', '2 th'],
    ['Mødrehjælpen, Red Barnet, Børns Vilkår og BørneTelefonen', 'Børns Vilkår og BørneTelefonen'],
    ['Gældsrådgivning hos Den Sociale Retshjælp tirsdag', 'Den Sociale Retshjælp'],
    ['Wernicke-Korsakoffs syndrom efter mange års alkoholforbrug', 'Wernicke-Korsakoffs'],
    ['Panodil og Spiriva Respimat 2 pust', 'Spiriva Respimat'],
    // What a capital, a bracket or a cue does not make a name.
    ['Diabetes (10 år). Mor har også diabetes.', 'Diabetes (10 år). Mor har også diabetes.'],
    ['Ønsker:\n(1) at gå ture\n(2) at se familien', 'Ønsker:\n(1) at gå ture'],
    ['Kvinde, 81 år, enke', 'Kvinde, 81 år'],
    ['Opkald (mor) kl 14', 'Opkald (mor)'],
    ['jeg kalder ham tilbage i morgen', 'kalder ham tilbage'],
    ['Kælenavn: ingen', 'Kælenavn: ingen'],
    ['øgenavnet sårede hende', 'øgenavnet sårede hende'],
    ['Til stede: mor, far. Medicin: APV, MTX, INR', 'APV, MTX, INR'],
    ['Aftalt med SFO at hun hentes kl. 15', 'Aftalt med SFO'],
    ['Plejehjem (Midlertidigt). Hun er midlertidigt flyttet.', 'Plejehjem (Midlertidigt)'],
    ['Blodtype? A', 'Blodtype? A'],
    ['Familien har en dreng på 7 og en pige på 3.', 'en dreng på 7 og en pige på 3'],
    // Everyday words beside a number are things, not names, unless an age's unit says so.
    ['Det har kostet mig mit liv, 3 år med smerter.', 'mit liv, 3 år'],
    ['Smerter hver dag (7) og om natten (9).', 'hver dag (7)'],
    ['Han har sten på 4 og 6 mm i nyren.', 'sten på 4'],
    ['Fisker (3 år), derefter førtidspension.', 'Fisker (3 år)'],
    ['Faldrisiko: Høj (3)', 'Høj (3)'],
    ['Jobcenter Vest (sagsbehandler) ringede.', 'Vest (sagsbehandler)'],
    ['Sommer (2 år) var hårdest.', 'Sommer (2 år)'],
    ['Liv er mere end sygdom. Jeg vil have mit liv tilbage.', 'mit liv tilbage'],
    ['vi kaldte hende sol. Det var godt med sol-cremen', 'sol-cremen'],
    // Kinds of school, not a school's name.
    ['Hun gik på højskolen, så på kostskolen og nu på sprogskolen.', 'højskolen, så på kostskolen'],
    ['Datteren går i skovbørnehaven, sønnen på friskolen.', 'skovbørnehaven, sønnen på friskolen'],
    ['Han har plads i fritidshjemmet og efterskolen.', 'fritidshjemmet og efterskolen'],
    // A verb beside a name in a list, everyday words beside a word that is also a name, a
    // pause, and in a table of names the role, the shift and the cells that are no name.
    ['hun vil gerne bo og kirsten vil gerne hjælpe', 'vil gerne bo'],
    ['Pupillerne reagerer på lys, iris uden anmærkning.', 'reagerer på lys'],
    ['Holm, lund og mose – det er ord han lærer', 'og mose'],
    ['hun tog en lille pause på 2 timer', 'lille pause på 2'],
    // A verb before «min søn», a day, a phone's «Tlf.», an abbreviation before a shift, the
    // family and places joined by a slash.
    ['Hjælp min søn med lektierne', 'Hjælp min søn'],
    ['Barnet født 12.05.2023. Tlf. 20 30 40 50', 'Barnet født'],
    ['Tlf. 20 30 40 50', 'Tlf.'],
    ['Målt BT. EKG nat', 'EKG nat'],
    // Clinical terms and services as subjects, shops and institutions alone, stay.
    ['KOL har forværret sig, og CT viste ingen blødning.', 'KOL har forværret sig, og CT viste'],
    ['SFO har lukket i ferien. PPR deltog i mødet.', 'SFO har lukket i ferien. PPR deltog'],
    ['Hun handler i Netto om fredagen.', 'Hun handler i Netto'],
    ['mødte modstand fra kommunen, mødte op kl. 9', 'mødte modstand fra kommunen, mødte op'],
    ['fik hjælp af naboen, besøgte sin mor', 'fik hjælp af naboen, besøgte sin mor'],
    ['ringede DPC i går, mener KOL er værre', 'ringede DPC i går, mener KOL er'],
    ['Kommunens Plejecenter ringede', 'Kommunens Plejecenter ringede'],
    ['bor i Vejle 3/4 af året, tager 3/4 af dosis', '3/4 af året, tager 3/4 af dosis'],
    // A title ending a line names nothing on the next.
    ['Deltagere: borger, datter, facilitator\nTema: udskrivelse', 'Tema: udskrivelse'],
    [
      'hun bor på gården, han går i haven, bor i rækkehuset og ligger på intensivafsnittet',
      'hun bor på gården, han går i haven, bor i rækkehuset og ligger på intensivafsnittet',
    ],
    ['Han er indlagt på Sygehuset i Vejle.', 'Han er indlagt på Sygehuset i'],
    ['Mor/Far kom. Lone/Hjemmeplejen ringer. Ja/Nej', 'Mor/Far kom'],
    ['Lone/Hjemmeplejen ringer', '/Hjemmeplejen'],
    ['hej det er fint her', 'hej det er fint her'],
    // «vh.» is the left hand in a note, not a greeting before initials.
    ['Hævelse vh. XYZ, ingen rødme.', 'vh. XYZ'],
    // Family words, abbreviations and what follows the list are no initials.
    ['Til stede: mor, far og pt. Vi tog en kop te', 'Til stede: mor, far og pt.'],
    ['Ansvarlige: ak, ml. Vi tog en kop te og så gik vi', 'en kop te og så gik vi'],
    // Lines indented by a tab are no table: one cell each.
    ['\tPlan\n\tOle Hansen ringer\n\tLis Berg kommer\n\tKaffe og kage', 'Kaffe og kage'],
    // A scale's score is no house number; names hyphenated to what they name are no person.
    ['Barthel-indeks 45. Borg-skala 15 ved gangtest.', 'Barthel-indeks 45. Borg-skala 15'],
    ['Hamilton-score 24. Lund-Browder-skema anvendt.', 'Hamilton-score 24. Lund-Browder-skema'],
    [
      'Navn | Vagt | Kontakt\nAhmad Yusuf | dag | Ja\nSigne Hjort | aften | Nej\nKiks (vikar) | nat | -\nukendt kvinde | nat | Nej\n3 x uge, øvelser | dag | -',
      '(vikar) | nat',
    ],
    [
      'Navn | Vagt | Kontakt\nAhmad Yusuf | dag | Ja\nSigne Hjort | aften | Nej\nUkendt kvinde | nat | Nej\n3 x uge, øvelser | dag | -',
      'Ukendt kvinde | nat | ',
    ],
    [
      'Navn | Vagt | Kontakt\nAhmad Yusuf | dag | Ja\nSigne Hjort | aften | Nej\nUkendt kvinde | nat | Nej\n3 x uge, øvelser | dag | -',
      '3 x uge, øvelser | dag',
    ],
  ])('%j keeps %j', (text, kept) => {
    expect(scrub(text)).toContain(kept);
  });
});

describe("the profile's names that are everyday words too", () => {
  const names = ['Per Glad Sommer', 'Karin Sol Jensen', 'Kaj Holm', 'Maj Britt Olsen', 'Bo Lund'];
  const withNames = (text: string) => scrubText(text, names, { lexicon }).text;

  it.each([
    'Jeg er meget glad for at få 2 x 500 mg per dag, men i sommer vil jeg gerne prøve uden.',
    'Per telefon er det umuligt. Sol og varme hjælper. Solen skinner.',
    'Han sidder ved kajen. Operationen er udsat til efter maj. Efter maj bliver det bedre.',
    'Jeg vil bo hjemme så længe som muligt. Hun har en rosa cardigan og meget lykke.',
  ])('leaves the word where it is the word: %j', (text) => {
    expect(withNames(text)).toBe(text);
  });

  it.each([
    ['snakkede med per i går', 'per'],
    ['per ringede i går', 'per'],
    ['ring lige til sommer i morgen', 'sommer'],
    ['spurgte efter maj på afdelingen', 'maj'],
    ['Bo og jeg gik en tur', 'Bo'],
    ['det var per der ringede', 'per'],
    ['pers datter kom', 'pers'],
    ['jeg så per i går', 'per'],
    ['Han mødte Glad og Kajs kone', 'Glad'],
    ['Sol ringede i morges', 'Sol'],
    ['brev sendt til sommer om ny visitation', 'sommer'],
    ['hjælp til maj med strømper og bad', 'maj'],
    ['det var glad selv der ringede', 'glad'],
    ['Det var glad i går.', 'glad'],
    // Beside a relative or the dog, a person.
    ['Per og broren kom i går.', 'Per'],
    ['Bo og hunden går tur hver dag.', 'Bo'],
  ])('masks the name where it is the name: %j', (text, value) => {
    const out = withNames(text);
    expect(out).not.toMatch(new RegExp(`(?<![\\p{L}])${value}(?![\\p{L}])`, 'u'));
    expect(out).toContain('[NAVN]');
  });
});

describe("the profile's initials", () => {
  const withNames = (text: string, names: string[]) => scrubText(text, names, { lexicon }).text;

  it.each([
    ["HJ's patientnr. ligger i pungen.", 'Hans Jørgen Riis', 'HJ'],
    ['Aftalt med HJR i dag.', 'Hans Jørgen Riis', 'HJR'],
    ['H. J. ringede igen.', 'Hans Jørgen Riis', 'H. J'],
    ['Skrevet af SE til kommunen.', 'Svend-Erik Nissen', 'SE'],
    ['M-L ang. bostøtte: ønsker samme medarbejder', 'Mette-Louise Skov', 'M-L'],
    ["OK's mor ringede.", 'Ole Kristensen', 'OK'],
  ])('masks %j for %s', (text, name, value) => {
    expect(withNames(text, [name])).not.toContain(value);
  });

  it.each([
    // Initials that spell a word or an abbreviation stay without a genitive.
    ['Det er OK med ham.', 'Ole Kristensen'],
    ['Han ringede til HR-afdelingen.', 'Hans Riis'],
    // In lower case two letters are too often a word.
    ['ak ja, sagde hun', 'Anne Kirsten Bang'],
  ])('leaves %j for %s', (text, name) => {
    expect(withNames(text, [name])).toBe(text);
  });
});

describe("the profile's everyday-word names in every context the property test draws from", () => {
  // The property test draws these at random and once found «Det var bæk» left; here each is
  // tried, in lower case, capitalised and in capitals.
  const before = ['', 'Hun sagde ', 'Det var ', 'Ring til ', 'Se: ', '"', 'Hjemmeplejen skrev '];
  const after = ['', ' i går.', ', sagde hun.', '. Det hjalp.', '"', ' og så ventede vi.', ':'];
  it.each(['Per Glad Sommer', 'Bo Lund', 'Maj Sol', 'Jens Peter Bæk'])('%s', (name) => {
    const left: string[] = [];
    for (const part of name.split(' ')) {
      for (const written of [part.toLowerCase(), part, part.toUpperCase()]) {
        for (const b of before) {
          for (const a of after) {
            const text = `${b}${written}${a}`;
            const out = scrubText(text, [name], { lexicon }).text;
            if (out.toLowerCase().includes(part.toLowerCase())) left.push(text);
          }
        }
      }
    }
    expect(left).toEqual([]);
  });
});

describe('hostile texts', () => {
  it('reads a long run of «fra» after a capitalised word in a moment, not exponentially', () => {
    const text = `Hjort${' fra'.repeat(480)}.`;
    expect(scrub(text)).toContain('fra fra');
  });

  it('reads a long run of spaces in a moment, within the test time (a look back took a minute)', () => {
    expect(scrub(`a${' '.repeat(4000)}b`)).toMatch(/^a\s+b$/);
  });

  // Each took seconds at 20,000 characters, four times as long at twice the length: a pattern
  // tried from every part of a run, or two runs of spaces side by side after a cue.
  it.each([
    ['a run of «a-a-a…» (an e-mail spelt out, tried from every part)', 'a-'.repeat(20_000)],
    [
      'a run of «AB-AB-…» after «ref.» (a link, tried from every part)',
      `ref. ${'AB-'.repeat(14_000)}`,
    ],
    ['a run of «1-1-1…» after a word for a number', `abcnr. ${'1-'.repeat(20_000)}x`],
    ['spaces after «tlf»', `tlf${' '.repeat(40_000)}x`],
    ['spaces after «cpr»', `cpr${' '.repeat(40_000)}x`],
    ['spaces after «født»', `født${' '.repeat(40_000)}x`],
    ['tabs after «login»', `login${'\t'.repeat(40_000)}x`],
    ['line breaks after «brugernavn»', `brugernavn${'\n'.repeat(40_000)}x`],
    ['spaces after «medlemsnr»', `medlemsnr${' '.repeat(40_000)}x`],
    ['spaces after «journalnr»', `journalnr${' '.repeat(40_000)}x`],
    ['spaces after «ref»', `ref${' '.repeat(40_000)}x`],
    ['spaces after «staves»', `staves${' '.repeat(40_000)}x`],
    ['a list of lone initials', `${'A., '.repeat(10_000)}Louise`],
    ['a lower-case list of names', `${'ole, sten og '.repeat(3_000)}bo`],
    [
      'a table of many rows',
      `Navn | Vagt\n${'Ole Hansen | nat\nKiks (vikar) | dag\n'.repeat(2_000)}`,
    ],
    ['a table of many columns', `${'Ole Hansen | '.repeat(4_000)}\n`.repeat(3)],
    ['a chain of hyphened names', 'Ole-'.repeat(10_000)],
    ['a long list of who was there', `Til stede: ${'ak, '.repeat(9_000)}ml`],
    ['many lists of who was there', 'Til stede: ak og ml\n'.repeat(2_000)],
    ['slashed pairs', 'Ole/Mus '.repeat(5_000)],
    // A look at all the text before every word, and a span at a time, took seconds here.
    ['an English text', 'one day at a time '.repeat(10_000)],
    ['capitalised English words, sentence by sentence', 'Walk and talk. '.repeat(10_000)],
    ['first names in a note without verbs', 'Kaj på besøg. Storm? Nej. '.repeat(4_000)],
    [
      'a table cell of many brackets',
      `Navn | a\nOle Hansen | b\nLis Berg | c\n${'(('.repeat(10_000)}Kiks | d`,
    ],
  ])('reads %s within the test time', (_, text) => {
    expect(scrub(text).length).toBeGreaterThan(0);
  });
});

describe('words the analysis needs, which stay', () => {
  it.each([
    ['Brevet blev sendt til Henrik i stedet for til mig.', 'i stedet'],
    ['Han bor på Sommervej 5 ved skolen.', 'ved skolen'],
    ['Han arbejder på Hotel Marina i køkkenet.', 'i køkkenet'],
    ['Hun kom fra Kharkiv i 2022.', 'i 2022'],
    ['Hans Jensen ringede. Det var hans datter, der svarede.', 'hans datter'],
    ['hjemmehjælper tove siger at hun ikke spiser', 'siger'],
    ['min søster lærke kommer på søndag', 'min søster'],
    ['Mvh Lene', 'Mvh'],
    ['(f. 3.3.1952)', ')'],
    ['«Tut» er hans øgenavn fra skolen.', 'øgenavn fra skolen'],
    ['Mette (45) og Jens (41) kommer på søndag.', '(45)'],
    ['Vi ses den 3. maj, nitten dage senere.', 'nitten dage senere'],
    [
      'Storegade 3, 4900 Nakskov. Hjælpen steg fra 1500 til 2500 om måneden.',
      'fra 1500 til 2500 om måneden',
    ],
    // Once a postcode is given, a sum on an account is still no postcode.
    ['Hun bor i 4990, og på kontoen står 2500.', 'står 2500'],
    // An ordinal counts, a range or a dose is no date, a year after a season no address.
    ['Ses d. 14. kl. 10. Det er den 3. gang, og hun bor på 2. sal.', 'den 3. gang'],
    ['Ses d. 14. kl. 10. Det er den 3. gang, og hun bor på 2. sal.', '2. sal'],
    ['Tid 21-02 kl. 11. Han tog 3-4 gange om dagen, 10-12 kg tabt.', '3-4 gange'],
    ['Tid 21-02 kl. 11. Han tog 3-4 gange om dagen, 10-12 kg tabt.', '10-12 kg'],
    ['Tid 21-02 kl. 11. Åbent kl. 08-09 i uge 03-04.', 'kl. 08-09 i uge 03-04'],
    ['født i 32. uge, d. 3/3 tog hun 1/2 tablet', 'født i 32. uge'],
    ['født i 32. uge, d. 3/3 tog hun 1/2 tablet', '1/2 tablet'],
    ['bor i Skolegade 5, 2. – 7100, og betaler 2500 om måneden', '2500 om måneden'],
    ['Sommeren 2021 var den bedste, siden julen 2019.', 'Sommeren 2021'],
    ['Sommeren 2021 var den bedste, siden julen 2019.', 'julen 2019'],
  ])('beside a mask: %j keeps %j', (text, kept) => {
    expect(scrub(text)).toContain(kept);
  });

  it.each([
    'GOP sendt, VAS 8, HbA1c 53, eGFR 40',
    'SEL § 85 og § 107, ÆHF ansøgt',
    'hun har KOL og type 2 diabetes, BMI 34',
    'Hun bor i lejlighed, og hun bor alene i et hus',
    'bor på plejehjem nu, tidligere på bosted',
    'Sagde det til mor. Mor ringede',
    'Hun følte sig ikke hørt af lægen. Tog 3 uger.',
    'Hun var glad for forløbskoordinatoren og for Sundhed.dk',
    'hun går i Sundhedshuset og Lægehuset, og til Folkeskolen',
    'arbejdspladsen 2 dage om ugen',
    'indlagt i februar 2023 og igen 14.30-15.00',
    'Jeg ventede 3 uger i 2024 og fik 2 piller om dagen.',
    // Doses, years, lists and times that other patterns might take for an address or a number.
    'Hun tager 1-2 efter behov.',
    'Han tager 1-2 Panodil om dagen.',
    'Hun tager 2 x 500 mg dagligt.',
    'Apoteket havde ikke Abstral på lager, og Instanyl kom først efter to dage.',
    // A first name that is an everyday word, at a sentence's start with nothing after it that
    // says a person; an everyday word's definite form. (Not "Fisker var han i 40 år": "Sten var
    // hun ikke glad for" is a person in that place.)
    'Tom for piller fredag aften. Rosa piller om morgenen, hvide om aftenen.',
    'Bjørn og ulv, siger han.',
    'Online-konsultationen gik fint, men lyden hakkede.',
    'Storm igen i nat. Sol? Nej, regn hele dagen. Sten stadig i nyren. Per uge tre besøg.',
    'Hans kone kommer hver dag. Ask og bøg fyrer hun med i brændeovnen.',
    'Hun ønsker sol og varme, og storm og regn er værst.',
    'Storm og glat føre betyder aflyste besøg. Bo hjemme så længe som muligt.',
    'Frank og ærlig samtale med lægen om prognosen.',
    'Hilsen KOL-teamet. Svar kom med vh MR-scanningen.',
    // A town's name where no one lives or travels: the everyday word.
    'Han står i vejen. Ring til hende i morgen, hun har ondt i halsen.',
    // English phrases quoted in a note.
    'Walk and talk i stedet for kontoret. Det var »too much«. It’s complicated, siger hun.',
    'Barnebarnet har fødselsdag på fastelavn, og vi spiser sammen juleaften.',
    'Hun boede i Danmark 2010-2015',
    'Blodtryk:\n140/90\n135/85\n130/80',
    'Vægt:\n85\n84\n83\n82',
    'Åbningstider:\n08.00 - 10.00\n12.00 - 14.00',
    'Mødetider 8.30-9.00  10.00-11.00',
    'Født 4-5 uger for tidligt',
    'Barnet er født 2-3 uger før termin',
    'VAS 7/10 20 min',
    'Sommer er min yndlingsårstid.',
    'I sommer var hans mor indlagt.',
    'Hun er med lykke i livet',
    'faldt på hjemvejen og kørte ned på motorvejen',
    'en tur på hovedgaden ved omfartsvejen',
    'Hun kom på Hjerteafdelingen og Smerteklinikken, så Demensteamet og Rådhuset.',
    'Det er O.K. med hende.',
    'Se https://www.sundhed.dk',
    'Hun fik O2 på 2 liter, vitamin B12 og D3; CO2 målt.',
    'Jeg vil gerne at de ringer, for det er svært at komme på nettet.',
    'Blodsukkeret svinger mellem 4 og 22 mmol/l.',
    'Han har haft 6 fald i 2024, sidste gang med hoftebrud.',
    'Per uge får hun 4 besøg af hjemmesygeplejen.',
    'Aflastning 1 weekend om måneden på aflastningsafsnittet.',
    'Hun får Oxapax 15 mg, max 4 i døgnet.',
    'Lægeerklæring LÆ 265 er sendt.',
    'Hans datter er ikke involveret.',
    'Storm i nat, så hjemmeplejen kom først kl. 11.',
    'Skov og strand er hans pusterum.',
    'Hjertesvigt NYHA III, EF 30 %, BT 152/94.',
    'Røde Kors og Ældre Sagen har besøgstjenester; klagen ligger i Ankestyrelsen.',
    // A person is never neuter; a role is no one's name; a shift's notes; a month, shortened.
    'med mit Hjerte og mit Blodtryk i orden tager jeg 8 piller',
    'Mulighed for aftenåbent hos Lægen en gang om ugen',
    'Dag: Bad givet, negle klippet, hudpleje.',
    'Husleje 5.890 kr. pr. md., restance 2 mdr.',
    "i 70'erne boede vi på landet",
    'Borgers brugernavn i Cura-appen er ikke oprettet endnu.',
    'Vi talte om ADL/KOL og BT.',
    'Puls / BT målt, tjek af INR / CRP.',
    'Tjekket cpr ved indskrivning kl 1430, alt ok.',
    "han gav en 20'er i drikkepenge",
    'Husk at borger punkt dk lukker i weekenden.',
    'MitID-brugeren blev spærret under covid-19.',
    'Kommunen bruger Cura og Nexus, regionen Sundhedsplatformen; hun kører med Flextrafik.',
    'Ventetid på psykolog via egen læge er 6 måneder.',
    'Hun tager to tre piller, fire gange om dagen.',
    'Lægen sagde at det var fint, og Kommunen mener det samme.',
    'Mad er min trøst. Træning hjælper hende. Søvn er svær.',
    'Status: stabil. Mål: gå ture. Plan: kontrol om 3 uger.',
    'Hun bor til leje hos sin bror.',
    'lægen tog blodprøver i går, og sygeplejersken kom og så til hende',
    'Hun boede der fra 2019 til 2021.',
    'Han har svært ved at sove. Nu tager han sovepiller.',
    'Hun glemmer at spise. De kommer to gange om dagen.',
    'Det er svært at gå. Se notat fra i går.',
    'KAD skiftet, tegn på UVI. EWS 3, GCS 15.',
    'Pt. har ondt i maven. Borger ringede og aflyste. Pårørende mener det går bedre.',
    'Det er jo svært, og hun falder tit, ondt 3 gange per dag.',
    'Braden 13. AUDIT 19. Telefonsamtale 22 min.',
    'Han kommer i morgen, kom til skade i går og kommer på aflastning.',
    'Efter Barnets Lov § 20; besøg af Røde Kors; Fælles Sprog III i Aula.',
    'Dato: 15. uge. Status: stabil.',
    'Hun fik 2 tabl. kl. 8.',
    'Sommer er min yndlingsårstid.',
    'Hun får Madopar 125 mg morgen og aften, Mirapexin 0,18 mg x 3 dagligt.',
    'hun sagde til lægen at det gjorde ondt, og brev fra kommunen kom i går',
    'den anden i første omgang, og den tredje i rækken',
    // Spoken and dialect forms, English loanwords and the shorthand of care notes.
    "æ ka ik li' når de kommer uden at ringe først",
    "iPad'en er god, men det er lidt awkward at spørge om hjælp",
    'Tryksår, skift 3 x ugtl. Bgr. udskr. i går, iltbeh. stoppet.',
    'Bevilget personlig pleje efter SEL § 83, stk. 1, nr. 1.',
    // Shops and products, and what is not a person's in them.
    'jeg køber det meste i Netto for Føtex er for dyr, og så har jeg Movicol med',
    'Sten i nyren bekræftet ved CT.',
    'Vand i kælderen siger de ikke noget om.',
    'vi tog færgen i sommers, og det var dejligt',
    'Socialpsykiatrien har tilbudt en støtte-kontaktperson (SKP).',
    'sygeplejerske SSA kom i går',
    'jeg er fra 12 til 14 på arbejde, og bilen er fra 2015.',
    'Hun har glemt sit brugernavn og sin kode.',
    // What the same rules must leave: amounts, hours, spans of years, shifts, methods, letters.
    'Hun spiser fra 1850 kcal til 2100 kcal.',
    'han var fra 2019 til 2021 på bosted, og hun er fra 14 i dag',
    'egen læge (praktiserende), sygeplejerske (Nat) og hjemmehjælper (Weekend)',
    'Hjemmehjælper OBS: husk nøgle. Misbrugsbehandler MST og terapeut (KABS).',
    'Brev fra kommunen siger at hun skal møde. Epikrise fra sygehuset skriver det samme.',
    'Vejleder i jobcentret ringede, og folk fra kommunen siger nej.',
    'Login i Cura fra kl 7.45, og login tager 2.5 minutter.',
    'Medlemsnr. koster 1 200 kr.',
    'de der mennesker fra kommunen',
    'plejehjemmet ringede i går, væresteddet hjalp, og bofællesskabet spiser sammen',
    'plejecentret gør det godt, skolen i byen, plejehjemmet hele tiden',
    'Vand skal hentes. Sommer skal nydes. Post skal åbnes. Tøj skal vaskes. Mor skal ringes op.',
    'Der var fem hundrede mennesker, og tre hundrede kroner om ugen går til mad.',
    // A sentence after a time or an amount with its stop, and a form's field that says what
    // was done rather than who did it.
    'Optalt af 2 personer kl. 15. Stemmer. Har taget 1 g kl 6. Skal jeg tage mere?',
    'Mødet var kl. 10. Borger var glad. Hjemmebesøg kl. 9. Pårørende var med.',
    // A year between a small word and the stop: "i" is no initial ("afd. B. Sommer" is a name).
    'Hun flyttede i 2019. Har siden boet alene. Flyttede i 2019. Hun har det godt.',
    'Melatonin 3 mg kl. 22. Mål: i seng inden kl. 24. Bostøtte: Gennemgang af regninger.',
    'Morgenbesøget flyttes til kl. 08.30. Planlægningen ser på det.',
    // A place's word, the verb after a comma, a ward's letter, measures, codes and medicines.
    'Storm i hovedet, siger pt., når tankerne myldrer.',
    'Stuegang på med. afd. B. Pt. vågen. Venteværelse C. Ny tid følger.',
    'Hb 7,2, K 3,4, Na 131, kreatinin 112. Fæces-calprotectin 820.',
    'Prednisolon 37,5 mg (ATC H02AB06), diagnose DJ44.1. Spiolto 2 pust x 1. Zyprexa 10 mg im.',
    'Mistanke om Crohns sygdom, og Downs syndrom. CAVE penicillin. OA orienteret.',
    'Plejecentret, afdeling Syd, og team Nord. Forældrene orienteres via Digital Post.',
    // (A room's number is where someone lies: masked since the 27th corpus, see there.)
    'Basaliom fjernet 2019. Centret holder lukket 24.-26. Seng 2.',
    // Letters that sign nothing: a measure after a slash mid-text, a department, a sign-off.
    'Puls / BT målt. Scanning udført af MR-afdelingen. Pt. har KOL. Alt vel. /ok',
    'Vendt hver 2. time af SSA og SPL. Braden 13.',
    'Sang fra højskolesangbogen, nr. 244. Telefonsamtale kl. 10 30, tlf. 199 kr.',
    'han har fem tusind kroner, og to tusind fem hundrede borgere; tlf i to timer, telefon to tre gange',
    'Vi var hos lægen og hos frisøren. Hej, det er fint her. Det er godt - tak.',
    'Mor og jeg gik en tur, og hunden og jeg sov. Hun blev kaldet ind til samtale.',
    'Afd. B. og C. er lukket. Vi tog bussen (egentlig Movia). Det staves med to t.',
    'Hun har boet på plejehjemmet to år og bor nu hos datteren tre dage om ugen.',
    // What a review found the first version of these rules masked.
    'Na 131 (ref. 137-145), ALAT 85 (ref. 10-70). Sengenr. 1204. Ring til akuttelefonnummer 1813.',
    'Talte i telefonen 10-15 min med datteren, ringet fra mobilen 20 30 gange. Tlf. 10-15 min.',
    'Der blev hævet fra kontoen 1500 kr. Har ringet på nummeret 10-15 gange. Nummer 12 13 og 14 i køen.',
    'Hun bor i en lejlighed til seks tusind om måneden. Det koster ti tusind DKK.',
    'Det er ro her i nat. Det er sten, siger lægen. Det er rose, ikke rød.',
    'Plan:\n- EKG\n- BT\n- CRP',
    'Bad udført af SSA. Vurderet af OUH. Notat ved: VISO. Fund ved: EKG normal. Spiste godt. /mad',
    'Barnebarnet har fødselsdag på fastelavn. Vi holder fødselsdag juleaften hos datteren.',
    'Bostøtte: Pt. mødte ikke op. Insulin kl. 22. Fodterapeut 1 x mdl. Stk. 1, nr. 1. Revurdering om 6 mdr.',
    'Depositum 3 mdr. Hjertelyd 140. Videresendt til OUH. Scorer: ICD-10, SF-36, PHQ-9 og EQ-5D.',
    'Vægte 2 er ok. Bilag 1 er vedlagt. Doseringsæske nr. 2 er tom.',
    'Familiebehandler: Samtale med mor. Kontaktpædagog: Rolig dag.',
    'Han fik lokal 500 mg lidocain. Mødet holdes i lokal 204. Han lærte cifre i skolen i 2019.',
    'NPU-02319, ISO-13485, EU-2016/679, LOV-2023-123, HMI-12345, stue C-20112, uge 12-2024/B.',
    'Mor kalder pigen skat. Ro, hans datter sad hos.',
    'Mistanke om Bells parese. Colles fraktur. Bakers cyste. Guillain-Barrés syndrom. Hoehn & Yahr 3.',
    'Gået 8000 skridt i dag. Urinstix negativ, NaCl givet. Ny Topro-rollator.',
    // Beside the rules for nicknames in brackets, initials, house numbers, postcodes and place
    // names at a sentence's start: what they must leave.
    'Jeg ringede 112, og de spurgte, om jeg var sikker på at det var alvorligt.',
    'maden (hunden) er dyr. Turen (med hunden) tager en time.',
    'Hans datter ringede. Hans medicin er ændret.',
    'Aftalt med SFO at hun hentes efter skole. Puls / BT målt, tjek af INR / CRP.',
    'Hun er nr. 3 på ventelisten. Workshop nr. 2 gik godt. Bus nr. 7 kører ikke. I nr. 2 af pjecen.',
    'Der står 2500 på kontoen. Fra 2020 til 2023 boede hun alene.',
    'Sommerhuset er solgt. Folkeskolen ringede. Plejehjemmet ringede. Landsbyskolen har lukket.',
    'Mvh. hjemmeplejen. KH mor. VH og tak. VHS/DVD er gammel.',
    'Hun er ensom (hendes hund døde i foråret). Hun blev hjemme (hunden var syg).',
    'Kontrol af vægt / BMI\npuls / BT\nkaffe / te',
    'Blev skolen orienteret? Blev plejehjemmet kontaktet?',
    'Hun bor i et botilbud (opholdssted) nu.',
    'Baghaven er fin. Sommerhuset blev solgt. Medborgerhuset lægger lokaler til. Børnehaven ringede.',
    'Bondegården ved siden af lugter om sommeren. Plejehjemmet ringede. Genoptræningen har ringet.',
    // Fractions, scores, clock times and numbered parts are no dates.
    'Hun tager 1/2 tablet. 2/3 af borgerne. Smerter 7/10, kraft 3/5. Hjælp 24/7. BT 120/80.',
    'Hb 7.3 i dag. Kl. 12.30. Version 2.1. Afsnit 3.2. Ca. 1,5/2 m.',
    // An abbreviation's definite form or genitive, an everyday word in capitals, a small word
    // before a street's ending, a street's ending alone before a number, and a hyphenated word
    // the app knows whole.
    "Hilsen fra SFO'en. Hun har KOL'en under kontrol. Vi ringede til PPR'en om ADHD'en.",
    "Aftalt med PPR og SFO at vi mødes. PPR's psykolog deltager. KOL's forløb er langt.",
    'Aftalt med ALLE at vi mødes igen. Talte med HELE holdet.',
    'Han ringer i forvejen. Han tog en udvej.',
    'Nøglen hænger i skabet, krog nr. 2 fra venstre. Tag sti 4 gennem skoven.',
    'Hun fik picc-line, port-a-cath og selo-zok. Holter i 48 timer, doppler af benet, cpap om natten.',
  ])('%j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a name that is a word too, reporting or turning up; initials that talked; a bank number', () => {
  it.each([
    ['Holm oplyser at borger har fået ny seng', '[NAVN] oplyser at borger har fået ny seng'],
    ['Due oplyser telefonisk at han flytter', '[NAVN] oplyser telefonisk at han flytter'],
    ['Rask var mødt op til tiden', '[NAVN] var mødt op til tiden'],
    ['hjort bekræfter at han har afsonet', '[NAVN] bekræfter at han har afsonet'],
    ['Holm har oplyst at hun flytter', '[NAVN] har oplyst at hun flytter'],
    ['skov nægter alt, og dam er bortrejst', '[NAVN] nægter alt, og [NAVN] er bortrejst'],
    ['Kamp nægter kendskab til episoden', '[NAVN] nægter kendskab til episoden'],
    ['frost har oplyst sit nye telefonnummer', '[NAVN] har oplyst sit nye telefonnummer'],
    ['IBAN DK50 0040 0440 1162 43, konto: DK5000400440116243', 'IBAN [NUMMER], konto: [NUMMER]'],
    [
      'Samtale ved AH og borger. Visitation v. AKJ.',
      'Samtale ved [NAVN] og borger. Visitation v. [NAVN].',
    ],
    [
      'Talte med Kirsten Frisk. Naboen, Bent Fisk, ringede.',
      'Talte med [NAVN] [NAVN]. Naboen, [NAVN] [NAVN], ringede.',
    ],
    ['KB har talt med lægen, afventer svar', '[NAVN] har talt med lægen, afventer svar'],
    ['JKL har snakket med datteren', '[NAVN] har snakket med datteren'],
    [
      'Aftale v. JKL: ny vurdering. Samtale v. MHK om planen.',
      'Aftale v. [NAVN]: ny vurdering. Samtale v. [NAVN] om planen.',
    ],
    ['Udbetales til reg.nr 1551 konto 3456789012', 'Udbetales til reg.nr [NUMMER] konto [NUMMER]'],
    ['reg. 9570 kto 12345678', 'reg. [NUMMER] kto [NUMMER]'],
    ['ref.nr. AB-2291 anført på brevet', 'ref.nr. [NUMMER] anført på brevet'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    // Findings and letters report and confirm too; «oplyser» after a word no list holds as a name.
    'Prøve bekræfter diagnosen. Scanning bekræfter brud. Blodprøve bekræftede mistanken.',
    // A shift or a craft reports too; weather and luck fail to come, and things are affected.
    'Kok oplyser at der er fiskefrikadeller. Dag oplyser at hun har spist. Smed oplyser prisen.',
    'Storm udeblev heldigvis. Lykke udeblev ved banko. sommer var påvirket af hedebølgen.',
    'HSP har talt med borger. Besøg v. HSP kl. 10. HJP har talt med datteren. VIS talte med hende.',
    'Vinter er mødt op med sne. Frost har bekræftet at røret er sprængt. Sommer bekræfter det.',
    'Henvist til Medicinsk Ambulatorium og Arbejdsmedicinsk Klinik.',
    'Journal oplyser intet om allergi. Brevet bekræfter aftalen.',
    'Borger oplyser at hun har ondt. Dreng nægter. Nabo oplyser. Attest bekræfter. Møde ved PPR.',
    'Aftale v. KAD-skift. Møde v. PPR om skolen. Samtale v. SSA.',
    'Mor og Far var med til mødet. Han bor hos Far. Farmor kom også.',
    'Henvist til Ortopædkirurgisk Ambulatorium og Psykiatrisk Afdeling.',
    'Sankt Hans bål ved stranden. Til Skt. Hans tager vi ud.',
    'Hun bor 4900 Nakskov nu.',
  ])('and leaves: %j', (text) => {
    expect(scrub(text)).toBe(text.replace('4900 Nakskov', '[POSTNUMMER]'));
  });
});

describe("a child by its age, a name's short forms with their stops, a town after «Sdr.», a house's name", () => {
  it.each([
    [
      'Alma 4 år går i børnehave. Ida 7 år og Emil 5 år.',
      '[NAVN] 4 år går i børnehave. [NAVN] 7 år og [NAVN] 5 år.',
    ],
    [
      'Mødeleder: Sv. Aa. Pedersen. Kopi til B.-M. Lund.',
      'Mødeleder: [NAVN]. [NAVN]. [NAVN]. Kopi til [NAVN].-[NAVN].',
    ],
    ['Familien kommer fra Sdr. Omme.', 'Familien kommer fra [NAVN]. [NAVN].'],
    ['Aa. Jensen ringede i går.', '[NAVN]. [NAVN] ringede i går.'],
    ['Alma, 4 år, går i børnehave.', '[NAVN], 4 år, går i børnehave.'],
    [
      'Ida 3 år, Alma 5 år og Storm 1 år bor hos moren.',
      '[NAVN] 3 år, [NAVN] 5 år og [NAVN] 1 år bor hos moren.',
    ],
    ['Bopæl: Møllehuset, Nørrevang 9', 'Bopæl: [ADRESSE], [ADRESSE]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    // A word between two names is a sentence of its own; a title stands before a name.
    'Aftalt med Hansen. Ok. Jensen ringede. Talt med Hansen. Pga. Jensen er hun syg.',
    'Dr. Hansen ringede. St. Hans bål. Nr. 5 er ledig. Storm 3 år siden.',
    'Adresse: Huset, Nørrevang 9',
    'Sol 2 timer dagligt. Vitamin B.-tilskud.',
    'Per 3 mdr. skiftes kateteret. Smed 30 år, derefter pedel. Sol 3 år i træk. Dag 3 mdr. efter.',
  ])('and leaves what is no one: %j', (text) => {
    expect(scrub(text)).toBe(
      text.replace(/Hansen|Jensen/g, '[NAVN]').replace('Nørrevang 9', '[ADRESSE]'),
    );
  });
});

describe('a child by its age written «4-årig», «3½ år» or «5 mdr. gammel»', () => {
  it.each([
    ['Ida 4-årig er i børnehave.', '[NAVN] 4-årig er i børnehave.'],
    ['Mor til Ida 4-årig og Emil 6-årig.', 'Mor til [NAVN] 4-årig og [NAVN] 6-årig.'],
    // A fraction stays a fraction (NFKC wrote "3½" as "31⁄2", an age of thirty-one).
    ['Ida 3½ år går i vuggestue.', '[NAVN] 3½ år går i vuggestue.'],
    ['Emil 3½ år sover.', '[NAVN] 3½ år sover.'],
    ['Lykke 5 mdr. gammel sover dårligt.', '[NAVN] 5 mdr. gammel sover dårligt.'],
    ['Lykke 5 år sover dårligt.', '[NAVN] 5 år sover dårligt.'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Han fik 2½ tablet og ¾ l vand.',
    'Hb 7,2 i dag. Na 131.',
    'Skov 2 år gammel er plantet bag huset.',
    'Sol 3 år over normalen.',
  ])('and leaves what is no one: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('initials after what was done by them; a surname the word list holds only as a word', () => {
  it.each([
    ['Sår skiftet af LKJ.', 'Sår skiftet af [NAVN].'],
    ['Besøg af LKJ i dag.', 'Besøg af [NAVN] i dag.'],
    ['ringede til hjort i går.', 'ringede til [NAVN] i går.'],
    ['talte med hjort i dag.', 'talte med [NAVN] i dag.'],
    ['hun ringede til maj i går.', 'hun ringede til [NAVN] i går.'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Præget af ADHD og KOL. Betalt af SKAT. Hjulpet af PPR. Ramt af MS.',
    'Vi ringer til vinter igen. Hun skriver til maj igen.',
  ])('and leaves what is no one: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a twenty-third corpus: times, holidays, passives, a title shortened, a year after a date', () => {
  it.each([
    [
      'Har været i kontakt med ergo ang. badebænk. – sygepl. MBK',
      'Har været i kontakt med ergo ang. badebænk. – sygepl. [NAVN]',
    ],
    ['Samtale v. spl. AH om medicin.', 'Samtale v. spl. [NAVN] om medicin.'],
    ['Ida (3½) passes i dagplejen.', '[NAVN] (3½) passes i dagplejen.'],
    ['Ida (4) passes i dagplejen.', '[NAVN] (4) passes i dagplejen.'],
    ['Født d. 4. juli -52, tidligere murer.', 'Født [DATO], tidligere murer.'],
    ['Mødet 12. maj er aflyst.', 'Mødet [DATO] er aflyst.'],
    ['Indlagt fra 02.10 til 06.11.', 'Indlagt fra [DATO] til [DATO].'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Borger trykkede på nødkaldet kl. 02.10. Mødet er kl. 10.11.',
    'Sover fra 02.10 til 06.00.',
    'Kristi himmelfartsdag er der ingen madudbringning. Lukket i Kristi Himmelfartsferien.',
    'Der ydes 12 timers praktisk hjælp. Hjælp ydes dagligt.',
    'Hun fik en lille sejr i dag. Det var en stor sejr.',
    'IDA (4) er en fagforening.',
  ])('and leaves what is no one: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe("a boat's, a farm's or a home's own name alone in quotes", () => {
  it.each([
    [
      'Om sommeren bor han på sin båd "Havørnen" i havnen.',
      'Om sommeren bor han på sin båd "[NAVN]" i havnen.',
    ],
    ['Hun har båden «Havørnen» i havnen.', 'Hun har båden «[NAVN]» i havnen.'],
    ['Han bor på "Solbakken" nu.', 'Han bor på "[NAVN]" nu.'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Hun sagde "Nej" til tilbuddet.',
    'Han svarede "Selvfølgelig" og gik.',
    'Vi så "Matador" sammen.',
    '"Havørnen" er en stor fugl.',
  ])('and leaves what is no one: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a review aimed at these rules: what they must leave alone', () => {
  it.each([
    // Quoted names only where a boat, a farm or a home is said: nicknames and titles stay.
    'Hun kalder det "Fængslet", når hun taler om plejehjemmet.',
    'Hun ser "Badehotellet" og kalder medicinen "Giften".',
    // Institutions and their short names after «af».
    'Udredt af BUP i 2022. Sagen er afvist af AES. Undersøgt af ØNH. Tilsyn udført af STPS.',
    // After a title's short form: a measure, a scan, an answer, a word for emphasis, a note.
    'Tilset af spl. BT 135/85. Henvist til pæd. MR af hjernen. Svar fra sagsbeh. JA til lift.',
    'Socialrådg. IKKE mødt op. Sagsbeh. NB: husk partshøring. Aftale med sagsbeh. SMS sendt.',
    // Ages after a word that is no one's name, and clock times after «kl.».
    'Drengen 4-årig går i børnehave. Hvalpen 3 mdr. gammel bider. Pigen 5 mdr. gammel sover.',
    'Nattevagt tilså kl. 01.05, 03.04 og 05.06. Medicin kl. 08.00, 12.00, 17.00 og 22.00.',
    'Den store sejr i dag var, at hun spiste selv.',
  ])('%j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it.each([
    ['Han har en kutter, der hedder "Mågen".', 'Han har en kutter, der hedder "[NAVN]".'],
    ['Hun har ophold på "Kastanjen" i aflastning.', 'Hun har ophold på "[NAVN]" i aflastning.'],
    ['Sygepl. MBK og spl. AH var til stede.', 'Sygepl. [NAVN] og spl. [NAVN] var til stede.'],
  ])('and still masks: %j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

describe('a review of the rules above: what they must not let through', () => {
  it.each([
    // A day with «d.» before it is a date, whatever hour follows.
    ['Indlagt d. 12.03 - kl. 14.30 kom hun hjem.', 'Indlagt d. [DATO] - kl. 14.30 kom hun hjem.'],
    ['Udskrevet d. 03.11 til kl. 12.00', 'Udskrevet d. [DATO] til kl. 12.00'],
    // Initials that spell an office's short name, where someone is said to have done it.
    ['Notat skrevet af AES.', 'Notat skrevet af [NAVN].'],
    // Initials after a title's short form, with the hour after them.
    ['Samtale v. spl. AH 14.00', 'Samtale v. spl. [NAVN] 14.00'],
    // A house's number with a half, and its floor.
    ['Hun bor på Nørregade 7½, 2. th.', 'Hun bor på [ADRESSE].'],
    // A baby's age in months said «gammel», then a passive; a title glued to its initials.
    ['Sol 7 mdr. gammel ammes stadig om natten.', '[NAVN] 7 mdr. gammel ammes stadig om natten.'],
    ['Spl.AH og sygepl. MBK var til stede.', 'Spl.[NAVN] og sygepl. [NAVN] var til stede.'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

it.each(['Skov 2 år gammel fældes.', 'Per 3 mdr. skiftes kateteret.', 'Spl.BT 120/80.'])(
  "leaves a passive after a thing's age, and a measure after a title glued to it: %j",
  (text) => {
    expect(scrub(text)).toBe(text);
  },
);

describe('a 24th corpus, written without sight of the rules: staff initials, nicknames, numbers', () => {
  it.each([
    // A surname that is an everyday word too, reporting or admitting.
    ['Fugl oplyser at hun har fået ny lejlighed.', '[NAVN] oplyser at hun har fået ny lejlighed.'],
    ['Bakke bekræfter aftalen.', '[NAVN] bekræfter aftalen.'],
    ['Krage har oplyst at han er syg.', '[NAVN] har oplyst at han er syg.'],
    ['Svane har nu bekræftet at hun flytter.', '[NAVN] har nu bekræftet at hun flytter.'],
    ['Fugl har i dag over telefonen oplyst det.', '[NAVN] har i dag over telefonen oplyst det.'],
    ['Hjort, nabo, oplyser at borger er faldet.', '[NAVN], nabo, oplyser at borger er faldet.'],
    // Initials closing the note after its last sentence, or after a dash with no stop before it.
    ['Henvist til diætist. LKJ', 'Henvist til diætist. [NAVN]'],
    ['Henvist til diætist, LKJ!', 'Henvist til diætist, [NAVN]!'],
    ['Tilbudt bad, afslået. LKJ 21.30', 'Tilbudt bad, afslået. [NAVN] 21.30'],
    ['Borger i seng kl. 21 -ak', 'Borger i seng kl. 21 -[NAVN]'],
    ['Borger i seng kl. 21 - AK 21.40', 'Borger i seng kl. 21 - [NAVN] 21.40'],
    ['Talt med Hansen.Nr. til lægen er ny.', 'Talt med [NAVN].Nr. til lægen er ny.'],
    ['Læge I.E. ordinerede.', 'Læge [NAVN]. ordinerede.'],
    // Two people's initials joined, after a cue or alone in brackets.
    ['På vagt: ML & KH, beboer afviste bad.', 'På vagt: [NAVN] & [NAVN], beboer afviste bad.'],
    [
      'Metadon 90 mg udleveret, signeret ks/nb.',
      'Metadon 90 mg udleveret, signeret [NAVN]/[NAVN].',
    ],
    ['Blod givet, dobbeltkontrol (AMJ/pe).', 'Blod givet, dobbeltkontrol ([NAVN]/[NAVN]).'],
    ['På vagt: ML, KH og PO', 'På vagt: [NAVN], [NAVN] og [NAVN]'],
    ['Nattevagt: ML/KH', 'Nattevagt: [NAVN]/[NAVN]'],
    ['Insulin tjekket af ML/KH', 'Insulin tjekket af [NAVN]/[NAVN]'],
    // Initials with a stop after each letter, after a title; a physiotherapist's short title.
    ['Spl. K.B.H. har givet 1 g paracetamol.', 'Spl. [NAVN]. har givet 1 g paracetamol.'],
    [
      'Fys. Storm vurderer: rejse-sætte-sig 5 gange.',
      'Fys. [NAVN] vurderer: rejse-sætte-sig 5 gange.',
    ],
    // A nickname alone in quotes after a word for someone, or with the name in brackets after it.
    ['Pt\'s kæreste "Tykke" kom på besøg.', 'Pt\'s kæreste "[NAVN]" kom på besøg.'],
    ['Sønnen "Bamse" ringede.', 'Sønnen "[NAVN]" ringede.'],
    ['"Sol" (Solveig) har haft anfald.', '"[NAVN]" ([NAVN]) har haft anfald.'],
    // A number after a short form with its stop before «nr.».
    ['Lønseddel fra Netto (medarb.nr. 118834).', 'Lønseddel fra Netto (medarb.nr. [NUMMER]).'],
    ['Borger har medl.nr. 44512 i fagforeningen.', 'Borger har medl.nr. [NUMMER] i fagforeningen.'],
    ['Pers.nr. 010203-1234 oplyst.', 'Pers.nr. [NUMMER] oplyst.'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    // What a finding, a paper, an office, a thing or an animal «does» (a review's notes).
    'Spirometri bekræfter moderat KOL.',
    'Sekretariat har tidligere oplyst at sagen er lukket.',
    'Pumpe nægter at starte.',
    'Marsvin nægter at spise.',
    // Abbreviations at a note's end, words after a dash, answers and units in pairs.
    'Hjælp til bad. ADL',
    'Tidligere blodprop i hjertet. AMI',
    'Kateter -ud',
    'Vægt 74,2 kg -op',
    'Dobbeltkontrol (ja/nej): ja',
    'Dobbeltkontrol: mg/ml',
    'Målt på begge ben (HØ/VE).',
    // Dotted abbreviations; a title's short form that ends a sentence; a word said to someone.
    'Tilset af læge U.A.',
    'Tilset af læge. P.S. husk at bestille tid.',
    'Træning med fys. Næste gang på tirsdag.',
    'Henvist til ergo. Kørestol afprøves.',
    'Råbte til sønnen "Stop" da han ville gå.',
    'Ifølge kæresten "Alt" var godt.',
    '"Hjem" (Planen) er klar.',
    'Mave - øm',
    'Spillede kort med naboen "Krig" efter frokost.',
    'Bestilt art.nr. 45321 hos leverandøren.',
    'Patient nægter at tage medicinen.',
    'Udlejer oplyser at vandet er lukket.',
    'Ægtefælle bekræfter aftalen.',
    'Scanning bekræfter brud.',
    'Blodprøve bekræfter mistanken.',
    'Kommune oplyser at sagen er lukket.',
    'Endvidere oplyser datter at det går bedre.',
    'Efterfølgende har borger bekræftet tiden.',
    'Dette bekræfter mistanken.',
    'Alt vel. OK',
    'Stabil. KOL',
    'Blodtryk fint -ok',
    'Diagnoser (KOL/DM).',
    'Målt (BT/puls).',
    'Datter "Ja" tak.',
    'Borger har fået en ny rollator.',
    'Pga. storm i nat kom nattevagten først kl. 01.30.',
    'Har skiftet 2 bleer i nat.',
    'Fisket fra kajen, fanget 2 sild.',
    'Ring til Hansen i morgen. Nr. 3 i rækken er ledig.'.replace('Hansen', 'lægen'),
  ])('leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it('still masks a name before a sentence that begins with «Nr.»', () => {
    expect(scrub('Ring til Hansen. Nr. 3 i rækken.')).toBe('Ring til [NAVN]. Nr. 3 i rækken.');
  });
});

describe('a 25th corpus, written without sight of the rules: short forms, feasts, staff on duty', () => {
  it.each([
    // Short forms with their stop: known ones, and the start of a word the list holds, cut after
    // a consonant and before a vowel.
    'evt. henvisning til fysioterapi, dvs. genoptræning efter sundhedslovens § 140',
    'Tidl. sagsbehandler er stoppet.',
    'Se tidl. notat vedr. faldet i køkkenet.',
    'Borger er tidl. straffet.',
    'Ansøgning om bev. af hjælpemidler, komm. har afslået.',
    'pårør. er informeret, opf. om 14 dage.',
    'Ryger 20 cig./dag.',
    'Quetiapin 300 mg vesp.',
    'Tlf. (arb.) er lukket.',
    'Henv. til psykiatrien, vejl. om ydelser.',
    '- Genoptr. 2 x ugentligt',
    // Feasts, whatever their case.
    'Efter Store Bededag er fysioterapeuten tilbage.',
    'Til Mortensaften spiste hun and.',
    'Fastelavn og Halloween fejres i institutionen.',
    'Lukket Skærtorsdag og Langfredag.',
    // Words that are surnames too, as the words they are.
    'Høj feber i nat.',
    'Glad for besøget.',
    'Rask og rørig.',
    'Vinter mødte op med sne i år.',
    'Regn har aflyst turen.',
    // Abbreviations in capitals that are no pair, no sign-off; words in quotes said with a wink.
    'Dobbeltkontrol: FMK/DD',
    'Dobbeltkontrol: BT + puls',
    'Smerter i knæ, TH',
    'Insulin givet, BS 7,2',
    'sønnen "glemte" at ringe',
    'naboen "altid" hjælpsom',
    'datteren "hjælper" med indkøb',
    'moren "passer" på ham',
    // Short forms inside a sentence: a law's, an office's, a month's, a dose's.
    'Afgørelse efter Servicel. § 83 om praktisk hjælp.',
    'Ansøgn. om merudgifter er sendt til Socialforv., afventer afgørelse.',
    'Indl. på Med. afd. med lungebetændelse.',
    'Opfølgning i aug. eller sept. efter sommerferien.',
    'Furix 40 mg morg., Marevan efter INR-skema.',
    'Gtt. i begge øjne x 3 dgl., ung. på huden efter bad.',
    // A role that wrote the note.
    'Notat v. SPL.',
    'Notat v. VAGT.',
    // What is taken over or cancelled that is no case, visit or shift.
    'Foged aflyste udsættelsen i sidste øjeblik.',
    'Kvist udeblev fra bålet.',
    'Glad mødte op til træning.',
    'og glad sagde hun tak',
    'Moren "desværre" ringede ikke.',
    'Udgifter 200. KR',
    'Notatet er skrevet af mor.',
  ])('leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it.each([
    // A name before a stop is no short form: listed, not cut as words are, or a capital inside
    // a sentence («Chr.» of Christian), or the last word of a sentence before a capital.
    ['Hilsen Bent. Ring tilbage.', 'Hilsen [NAVN]. Ring tilbage.'],
    ['snak med zarah. hun var glad', 'snak med [NAVN]. hun var glad'],
    ['talte med mete. hun kommer', 'talte med [ORD]. hun kommer'],
    ['Sønnen, Jens Chr., kommer på søndag.', 'Sønnen, [NAVN] [NAVN]., kommer på søndag.'],
    ['Ringede til Kalle. Han kommer.', 'Ringede til [NAVN]. Han kommer.'],
    // Someone on duty: takes a case over, stays away, turns up for work or does not.
    ['Høj har overtaget sagen fra i dag.', '[NAVN] har overtaget sagen fra i dag.'],
    [
      'Vinter mødte ikke op til vagt, så borger fik først medicin kl 11.',
      '[NAVN] mødte ikke op til vagt, så borger fik først medicin kl 11.',
    ],
    ['Lund udeblev fra mødet.', '[NAVN] udeblev fra mødet.'],
    [
      'Hjort udebliver gentagne gange fra behandling.',
      '[NAVN] udebliver gentagne gange fra behandling.',
    ],
    ['Glad mødte op kl 8.', '[NAVN] mødte op kl 8.'],
    ['Storm overtog sagen i maj.', '[NAVN] overtog sagen i maj.'],
    [
      'Hjort tager over fra næste uge, da sagsbehandleren går på barsel.',
      '[NAVN] tager over fra næste uge, da sagsbehandleren går på barsel.',
    ],
    ['Vinter har aflyst mødet pga. sygdom.', '[NAVN] har aflyst mødet pga. sygdom.'],
    [
      'Frost mødte op kl. 9 og gennemgik medicinen.',
      '[NAVN] mødte op kl. 9 og gennemgik medicinen.',
    ],
    // Initials that abbreviate something too: a double check's pair, and a short form written
    // small standing in capitals alone after the last sentence.
    ['Dobbeltkontrol: ML + KH', 'Dobbeltkontrol: [NAVN] + [NAVN]'],
    ['Dobbeltkontrol: ML og KH', 'Dobbeltkontrol: [NAVN] og [NAVN]'],
    ['Medicin dobbelttjekket af ML/KH', 'Medicin dobbelttjekket af [NAVN]/[NAVN]'],
    ['Sår renset og forbundet. KH', 'Sår renset og forbundet. [NAVN]'],
    ['Borger fik medicin kl. 8. TH', 'Borger fik medicin kl. 8. [NAVN]'],
    // A nickname in quotes in lower case, as the one who does something.
    ['Datteren "lillemus" kom forbi i dag', 'Datteren "[NAVN]" kom forbi i dag'],
    ['kæresten "tykke" kom og hentede hende', 'kæresten "[NAVN]" kom og hentede hende'],
    ['søsteren "mis" har været her', 'søsteren "[NAVN]" har været her'],
    // A name cut short with a stop, or a writer's mark, is no short form.
    ['Ped. ringede bekymret, mor har ikke spist.', '[NAVN]. ringede bekymret, mor har ikke spist.'],
    ['Mort. kommer og henter borger.', '[NAVN]. kommer og henter borger.'],
    [
      'Hjemmebesøg sammen med kas. fra visitationen.',
      'Hjemmebesøg sammen med [ORD]. fra visitationen.',
    ],
    // Who wrote it, said outright: initials, whatever they abbreviate elsewhere.
    ['Notat v. KL', 'Notat v. [NAVN]'],
    ['Notat v. HR', 'Notat v. [NAVN]'],
    ['TR ringede i dag.', '[NAVN] ringede i dag.'],
    // (A second review's.) Initials with a stop after a writer's or a doer's mark; a surname that
    // ends a sentence before a capital; a name's start that is a month's short form too.
    ['Sov godt hele natten. -skr.', 'Sov godt hele natten. -[NAVN].'],
    ['Bad givet. Vasket af tvk.', 'Bad givet. Vasket af [NAVN].'],
    ['Mvh. sgr.', 'Mvh. [NAVN].'],
    ['Borger informeret om afgørelsen. /jf.', 'Borger informeret om afgørelsen. /[NAVN].'],
    ['Notat skrevet af ras. efter samtalen.', 'Notat skrevet af [NAVN]. efter samtalen.'],
    ['Samtale med Gerber. Han var glad.', 'Samtale med [NAVN]. Han var glad.'],
    ['Aug. ringede.', '[NAVN]. ringede.'],
    ['Henr. kom forbi.', '[NAVN]. kom forbi.'],
    ['Dobbeltkontrol af insulin: ML + KH', 'Dobbeltkontrol af insulin: [NAVN] + [NAVN]'],
    ['Insulin dobbeltkontrolleret: ML + KH', 'Insulin dobbeltkontrolleret: [NAVN] + [NAVN]'],
    ['Notat skrevet af KL', 'Notat skrevet af [NAVN]'],
    ['Skrevet af: TH', 'Skrevet af: [NAVN]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

describe('a 26th corpus, written without sight of the rules: initials by an hour, names spelled out, CPR in part', () => {
  it.each([
    [
      'Tilset kl. 14 JKL, sår pænt, skift igen fredag',
      'Tilset kl. 14 [NAVN], sår pænt, skift igen fredag',
    ],
    ['kl. 16 HLH – borger ikke hjemme', 'kl. 16 [NAVN] – borger ikke hjemme'],
    ['Medicin dispenseret (12.03.24/LPN), 2 tabl.', 'Medicin dispenseret ([DATO]/[NAVN]), 2 tabl.'],
    ['[03.04 – MHS] borger sov ved besøg', '[03.04 – [NAVN]] borger sov ved besøg'],
    ['Nattevagt (AMJ) fandt borger på gulvet', 'Nattevagt ([NAVN]) fandt borger på gulvet'],
    ['Epikrise modtaget og læst. dikt. GHN/ske', 'Epikrise modtaget og læst. dikt. [NAVN]/[NAVN]'],
    ['cpr slutter på -2211', 'cpr slutter på -[CPR]'],
    ['personnummeret ender med 2211', 'personnummeret ender med [CPR]'],
    ['cpr 120358-xxxx mangler', 'cpr [CPR] mangler'],
    ['CPR: 1203XX-XXXX', 'CPR: [CPR]'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    ['H A N N E skriver borger på alle papirer', '[NAVN] skriver borger på alle papirer'],
    ['K-A-R-E-N staver hun navnet', '[NAVN] staver hun navnet'],
    ['Hun sagde h.a.n.n.e. langsomt', 'Hun sagde [NAVN]. langsomt'],
    ['H, A, N, N, E', '[NAVN]'],
  ])("the profile's name spelled out: %j", (text, scrubbed) => {
    expect(scrubText(text, ['Hanne Ibsen', 'Karen'], { lexicon }).text).toBe(scrubbed);
  });

  it.each([
    'kl. 14 EKG taget',
    'kl. 8 BT 140/90',
    'Kl. 10 ADL-træning',
    'Kontoen slutter på 2211',
    'Valdemarsdag og Grundlovsdag: dagcentret lukket, ingen kørsel.',
    'Skriv B O på døren',
    // (A review's.) Words in capitals and short forms after an hour; dose ranges in brackets.
    'kl. 12 MAD og drikke',
    'kl. 8 BAD givet',
    'kl. 14 JA',
    '(12.03 - NY ordination)',
    '(1-2 - ALT)',
    'kl. 8 inj. givet',
    '1000xx-1000',
  ])('leaves alone: %j', (text) => {
    expect(scrubText(text, ['Bo Sejersen'], { lexicon }).text).toBe(text);
  });
});

it('leaves «t.o.m.» alone for a profile named Tom', () => {
  expect(scrubText('Pn t.o.m. fredag', ['Tom Berg'], { lexicon }).text).toBe('Pn t.o.m. fredag');
});

describe('a 27th corpus, written without sight of the rules: homes without a street, initials in tables and shifts, nicknames in quotes', () => {
  it.each([
    // A home's number where someone lives, sleeps or keeps their things, and a floor's side.
    ['Borger på værelse 12 har feber 38,6', 'Borger på [ADRESSE] har feber 38,6'],
    [
      'Borger flyttet fra stue 9 til enestue 21 pga. uro',
      'Borger flyttet fra [ADRESSE] til [ADRESSE] pga. uro',
    ],
    ['Nøgle til lejl. 4 afleveret på kontoret', 'Nøgle til [ADRESSE] afleveret på kontoret'],
    ['Bolig 7 på plejecentret har fået ny seng', '[ADRESSE] på plejecentret har fået ny seng'],
    [
      'Hus nr. 17 i rækkehusene, nøgleboks ved bagdøren',
      '[ADRESSE] i rækkehusene, nøgleboks ved bagdøren',
    ],
    ['Parcel 38 i kolonihaveforeningen', '[ADRESSE] i kolonihaveforeningen'],
    [
      'Bor i campingvogn, pladsnr. 112 på campingpladsen',
      'Bor i campingvogn, [ADRESSE] på campingpladsen',
    ],
    ['lejlighed 4.1 er klar til indflytning', '[ADRESSE] er klar til indflytning'],
    ['Nøglebrik til bolig 3B virker ikke', 'Nøglebrik til [ADRESSE] virker ikke'],
    ['bor på 3. sal tv. – ingen elevator', 'bor på [ADRESSE]. – ingen elevator'],
    [
      'husk opgang C, 2. tv. – ringeklokken virker ikke',
      'husk [ADRESSE], [ADRESSE]. – ringeklokken virker ikke',
    ],
    ['Stue 7, seng 2.', '[ADRESSE], seng 2.'],
    // Initials in a table's cell, after a shift's word or label, after what was done by them.
    ['| 14.03 | bad + hudpleje | KLN |', '| 14.03 | bad + hudpleje | [NAVN] |'],
    ['| stue 11 | faldet ved sengen | AR |', '| [ADRESSE] | faldet ved sengen | [NAVN] |'],
    [
      'Vagtplan lørdag: dag EBS, aften KAM, nat LOP',
      'Vagtplan lørdag: dag [NAVN], aften [NAVN], nat [NAVN]',
    ],
    ['toiletbesøg m. hjælp af 1. NAT: LKR', 'toiletbesøg m. hjælp af 1. NAT: [NAVN]'],
    ['Urolig nat. nattevagt/AMJ', 'Urolig nat. nattevagt/[NAVN]'],
    ['Enig i mål. Godkendt: MEL', 'Enig i mål. Godkendt: [NAVN]'],
    ['Badebænk afleveret, kvitteret af BS/ks', 'Badebænk afleveret, kvitteret af [NAVN]/[NAVN]'],
    ['Dikt.: GHN', 'Dikt.: [NAVN]'],
    ['Ks. AB', 'Ks. [NAVN]'],
    ['Sår skiftet. klokken 14 MRH', 'Sår skiftet. klokken 14 [NAVN]'],
    ['Ny kontrol om 3 mdr. (12.03.24 LPN)', 'Ny kontrol om 3 mdr. ([DATO] [NAVN])'],
    ['[10:14] AHP: borger ringede om nøgleboksen', '[10:14] [NAVN]: borger ringede om nøgleboksen'],
    // A surname that is a word, staying away with no «fra».
    ['Holm udeblev igen i dag.', '[NAVN] udeblev igen i dag.'],
    ['Holm udeblev uden afbud.', '[NAVN] udeblev uden afbud.'],
    // CPR with its last digits hidden or its first six left out.
    ['cpr 120358-1xxx fremgår af journalen', 'cpr [CPR] fremgår af journalen'],
    [
      'Brev returneret, cprnr. 231148-**** står forkert',
      'Brev returneret, cprnr. [CPR] står forkert',
    ],
    ['Journal fundet på cpr …-2140', 'Journal fundet på cpr [CPR]'],
    ['CPR: xxxxxx-2140', 'CPR: [CPR]'],
    ['cpr slutter på: 2211', 'cpr slutter på: [CPR]'],
    // A nickname alone in quotes as the one who does something, or what someone is called.
    ['"Bamse" ringede i går og spurgte efter mor', '"[NAVN]" ringede i går og spurgte efter mor'],
    [
      'søster oplyser at "Guffi" altid har været bange',
      'søster oplyser at "[NAVN]" altid har været bange',
    ],
    [
      'Familien omtaler borger som "Bedste" – Bedste har haft en god dag',
      'Familien omtaler borger som "[NAVN]" – [NAVN] har haft en god dag',
    ],
    ['De kalder hende "Muffe" i familien', 'De kalder hende "[NAVN]" i familien'],
    // (A review's variants.)
    ['| 08.00 | givet | ML |', '| 08.00 | givet | [NAVN] |'],
    ['Dag EBS og aften KAM', 'Dag [NAVN] og aften [NAVN]'],
    ['Morgen: EBS', 'Morgen: [NAVN]'],
    ['Cpr 120358–1xxx', 'Cpr [CPR]'],
    ['cpr: 12xxxx-2140', 'cpr: [CPR]'],
    ['Dikteret: GHN', 'Dikteret: [NAVN]'],
    ['KS: AB', 'KS: [NAVN]'],
    ['Godk.: MEL', 'Godk.: [NAVN]'],
    ['Holm udeblev mandag.', '[NAVN] udeblev mandag.'],
    ['Holm udeblev kl. 10.', '[NAVN] udeblev kl. 10.'],
    ['Åvej 12, 2. th.', '[ADRESSE].'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    ['Han staver sit navn S O R E N', 'Han staver sit navn [NAVN]'],
    ['S O E R E N kom i dag', '[NAVN] kom i dag'],
  ])("the profile's name spelled without its Danish letters: %j", (text, scrubbed) => {
    expect(scrubText(text, ['Søren Hansen'], { lexicon }).text).toBe(scrubbed);
  });

  it.each([
    'skiftes hver 2. dag iht. sårplan',
    'lejlighed på 3 værelser, 2 stuer',
    'skal have 2 tabletter',
    '2-værelses lejlighed',
    'sad i stuen kl. 14',
    'kom på 2. tv-kanal',
    'Sov godt. Dag: BT 120/80',
    '| 14.03 | BT 140/90 | OK |',
    '| hø | BS | BT | ml | NAT | ja |',
    'BS/BT målt af hjemmeplejen',
    '"Hjem" sagde han hele tiden.',
    '"Stop" er et ord han bruger',
    'Hun kalder det "Fængslet", når hun taler om plejehjemmet.',
    'Lykke udeblev ved banko',
    'Sommer udeblev i år',
    'Bedring udeblev',
    'Kode ****-1234',
    'overgår til alm. hj.pl.',
    'Diætist anbefaler Nutridrink x 2 dgl.',
    'Ansøgning sendt til Visitationen.',
    'Tilset (12.03 EKG normal)',
    // (A review's, aimed at these rules.) A count, a time or a date after a home's word.
    'Rengøring af bolig 1 gang hver 2. uge',
    'Hjemmehjælp i bolig 3 x ugentligt',
    'støtte i bolig 24 timer i døgnet',
    'Sad i stue 20 min.',
    'Bolig 2-3 værelser ønskes',
    'Lejlighed 2 værelser, 64 m2',
    'Står som pladsnr. 3 på ventelisten',
    'faldt i opgang i går',
    // A rib, a toe: a number and a side with no «sal» and no house before them.
    'Ribbensbrud 7. th. og 8. th.',
    'Smerter ved 2. tv. tå',
    // Days, leaves and lab codes in a table's cells.
    '| Uge 12 | FE | FE | FRI |',
    '| 12.03 | PVK | anlagt |',
    '| CRP | 45 | TSH | 2,1 |',
    '| Skift | DVT | PEG | CVK |',
    '| Kl. | HR | SAT | RF |',
    // What happened, after a shift's label or an hour; an answer or a role after a cue.
    'Nat: SOV GODT hele natten',
    'Aften: PVK seponeret',
    'Dag: TSH og LDL bestilt',
    'Klokken 14 PVK anlagt',
    '[10:14] TSH sendt til analyse',
    'Godkendt: JA',
    'Ks.: OK',
    'Dikt.: SPL',
    'Kørt af mor/far til aflastning',
    // A thing quoted before its verb; a thing known by a name.
    '"Angst" fyldte meget i dag',
    'Pt. fortæller at "Stemmerne" talte højt i nat',
    '"Systemet" svigtede hende',
    '"Hjælp" råbte borger i nat',
    'Fænomenet er kendt som "Solnedgangssyndrom" hos demente.',
    'Personnummer... 2019 fik hun opholdstilladelse.',
  ])('leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a 28th corpus, written without sight of the rules: a role before initials, initials heading a line or after a name, nicknames by what they are called', () => {
  it.each([
    ['Læge: Hansen / Sygepl: CBM', 'Læge: [NAVN] / Sygepl: [NAVN]'],
    ['Metadon udleveret, CPR slut -3317', 'Metadon udleveret, CPR slut -[CPR]'],
    ['Borger bruger navnet "Tiger" på gaden', 'Borger bruger navnet "[NAVN]" på gaden'],
    [
      'Borger fortæller at "Muffe" (ekskone) har taget hans dankort',
      'Borger fortæller at "[NAVN]" (ekskone) har taget hans dankort',
    ],
    ['Kontaktperson Hanne Krogh (HKR) deltog', 'Kontaktperson [NAVN] [NAVN] ([NAVN]) deltog'],
    ['cpr … 2140', 'cpr [CPR]'],
    ['Bor i kolonihavehus, have nr. 47', 'Bor i kolonihavehus, [ADRESSE]'],
    // (A review's.) Initials that are a short form elsewhere are carried only as written.
    [
      'Medicin dispenseret af KL kl. 8, næste dosis kl. 14.',
      'Medicin dispenseret af [NAVN] kl. 8, næste dosis kl. 14.',
    ],
    ['Taget af TH. Smerter th. side bedre.', 'Taget af [NAVN]. Smerter th. side bedre.'],
    ['Borger er flyttet til 1. th.', 'Borger er flyttet til [ADRESSE].'],
    ['bor nu på 1. tv.', 'bor nu på [ADRESSE].'],
    [
      'Sagsbehandler: Hanne Krogh-Smith (KHS), tlf direkte',
      'Sagsbehandler: [NAVN] [NAVN]-[NAVN] ([NAVN]), tlf direkte',
    ],
    [
      'Medicin dispenseret af KH og dobbelttjekket af IMN',
      'Medicin dispenseret af [NAVN] og dobbelttjekket af [NAVN]',
    ],
    ['Beboeren på 2. tv har ikke hentet avisen', 'Beboeren på [ADRESSE] har ikke hentet avisen'],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    'Vurderet af OUH. Hjulpet af PPR.',
    'Region Syddanmark (RSD) har skrevet',
    'OK: ingen bemærkninger',
    'OBS: borger faldet i nat',
    'Smerter på 2. tv. tå',
    'Vasket af PT',
    'Spl: BT målt 140/90',
    'Han fik "Hjem" (bogen) i gave',
    // (A review's.) Two capitals heading a line that spell a word or a short form; a thing's name.
    'EM: gik en tur. Om EM kom datter.',
    'AB: fortsættes i 7 dage.',
    'Medicinen går under navnet "Panodil". Panodil givet kl. 14.',
    // (A read-through's.) The verb «have»; an everyday word quoted before «har»; a year after a
    // home's word; luck staying away; an acronym heading a line; a year after «slut»; a toe.
    'Hun skal have nr. 2 dosis i morgen.',
    '"Angst" har fyldt meget',
    '"Kaffe" hjælper altid',
    'Søgt plejebolig 2024, afslag.',
    'Lykke udeblev.',
    'Fred udeblev igen.',
    'VUM: igangsat',
    'Pas og CPR udløber slut 2025',
    'tå 2, 3. th. er hævet',
  ])('leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });
});

describe('a 29th corpus, written without sight of the rules: initials met, signed small or in brackets with a role, families, a floor after «på», CPR digits one by one', () => {
  it.each([
    // Initials a meeting or a talk is held with, after «med» or «m.».
    [
      'efter samtale m. ML og TBH besluttet at øge hjælpen',
      'efter samtale m. [NAVN] og [NAVN] besluttet at øge hjælpen',
    ],
    ['Møde m. TBH og ML kl. 10 på kontoret', 'Møde m. [NAVN] og [NAVN] kl. 10 på kontoret'],
    ['statusmøde med AKH og LMS', 'statusmøde med [NAVN] og [NAVN]'],
    // Initials written small with their stops, after who signed or did it (with «af» or not).
    [
      'Medicin udleveret – kvittering underskrevet k.j',
      'Medicin udleveret – kvittering underskrevet [NAVN]',
    ],
    ['Kvitteret: m.h.', 'Kvitteret: [NAVN].'],
    ['Hjælpemidler udleveret af a.b. kl. 10', 'Hjælpemidler udleveret af [NAVN]. kl. 10'],
    ['Plan signeret k.j. i går', 'Plan signeret [NAVN]. i går'],
    // Who supervised, guided, instructed or went along.
    [
      'deltog i morgenplejen under supervision af KM',
      'deltog i morgenplejen under supervision af [NAVN]',
    ],
    ['instrueret af TH i brug af lift', 'instrueret af [NAVN] i brug af lift'],
    ['ledsaget af KM til tandlæge', 'ledsaget af [NAVN] til tandlæge'],
    ['superviseret af AB ved medicindosering', 'superviseret af [NAVN] ved medicindosering'],
    // Capitals after a title's short form: «overl.», «afdl.».
    ['deltagere: overl. MHJ, psykolog Sigrid', 'deltagere: overl. [NAVN], psykolog [NAVN]'],
    ['Overl. AB har set pt.', 'Overl. [NAVN] har set pt.'],
    ['afdl. MHJ ringer i morgen', 'afdl. [NAVN] ringer i morgen'],
    // Capitals and a role's short form joined by a slash in brackets, either way round.
    [
      'Behandler (SRJ/psyk) konfererer med vagtlæge',
      'Behandler ([NAVN]/psyk) konfererer med vagtlæge',
    ],
    ['(AB/spl.) har givet medicin', '([NAVN]/spl.) har givet medicin'],
    ['tilset (KM / ssa) kl. 10', 'tilset ([NAVN] / ssa) kl. 10'],
    // A surname joined to the word for its family or its couple.
    [
      'Kommet hjem. Bjerg-familien (naboer) har handlet ind.',
      'Kommet hjem. [NAVN]-familien (naboer) har handlet ind.',
    ],
    ['Bjerg-parret flytter i næste uge', '[NAVN]-parret flytter i næste uge'],
    ['Storm-familiens bil holder i vejen', '[NAVN]-familiens bil holder i vejen'],
    ['Sommer-familien (genboer) hjælper', '[NAVN]-familien (genboer) hjælper'],
    // A floor and its side after «på»: where someone lives.
    [
      'hun er bekymret for sin nabo Vera på 3. th.',
      'hun er bekymret for sin nabo [NAVN] på [ADRESSE].',
    ],
    ['Nabo (Ingrid på 1. th) har nøgle', 'Nabo ([NAVN] på [ADRESSE]) har nøgle'],
    ['besøgte Karen på st. tv i går', 'besøgte [NAVN] på [ADRESSE] i går'],
    // A CPR number in digit words joined by dashes; its last four one by one after their word.
    ['CPR: ett-to-nul-otte-fem-fem, slut-cifre 1-9-4-8', 'CPR: [CPR], slut-cifre [CPR]'],
    ['hans cpr er to-tre-nul-fire-fem-ni og så resten', 'hans cpr er [CPR] og så resten'],
    ['født nul-et-nul-et-otte-nul', 'født [CPR]'],
    ['slutcifre: 1 9 4 8', 'slutcifre: [CPR]'],
    ['CPR, sidste fire 1-9-4-8', 'CPR, sidste fire [CPR]'],
    [
      'personnummerets fire sidste cifre en-ni-fire-otte',
      'personnummerets fire sidste cifre [CPR]',
    ],
  ])('%j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    // A table's heading row on one line: everyday words and abbreviations.
    '| Dato | BT | Puls |',
    '| Tid | Temp | Puls | Sat |',
    '| Dato | BT | Puls | | 12:30 | 145/90 | 88 |',
    // Four digits before a unit are an amount, no postcode.
    'fluortandpasta 5000 ppm',
    'fluor 1450 ppm i tandpastaen',
    'ferritin 1200 ng/ml',
    'ferritin 1200 pmol/l',
    'homocystein 1200 μmol/l',
    'D-vitamin 1200 μg dgl.',
    'Dyrkning: 1000 mikrog',
    // A past participle after a kind of place: what happened, not the place's name.
    'Sommerhus-turen med bostedet aflyst pga. sygdom.',
    'Udflugten med plejecentret oplyst i nyhedsbrevet',
    // A verb's -s form put first before its pronoun, no name's genitive.
    'Lykkes det ikke at få borger op, kontaktes sygeplejen.',
    'Lykkes dette ikke, ringes til lægen.',
    // A passive after a title.
    'Sygepl. kontaktes ved ændringer.',
    'Sygepl. tilkaldes ved feber',
    'Læge tilkaldes ved feber over 39',
    // The lab's shorthand for a urine stick's or a blood test's fields.
    'stix: leuk +2, nitrit pos.',
    'u-stix: nitr neg, prot spor, gluk neg',
    'blodprøver: krea 110, carb 1,8',
    // A title's short form that ends a sentence; a short form after what was done.
    'Ringet til overl. Han kommer kl. 14.',
    'Tilset af overl. BT 135/85',
    'hjulpet af tidl. kontaktperson',
  ])('leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it.each([
    // Near misses: an office, a team or a measure met or in brackets; an abbreviation with stops;
    // a kind of family; a finding on a toe or a rib; a count said aloud.
    'Hjælpes han op, går det fint.',
    'møde med PPR og SSP',
    'samtale med SSA om hjælpen',
    'underskrevet d.d.',
    'under supervision af PPR',
    'ledsaget af mor til lægen',
    'instrueret af SKP',
    '(PPR/psyk) kontaktet',
    '(SSA/SSH) fordelt',
    'Pleje-familien ringede',
    'Aflastnings-familien har ferie',
    'Kæreste-parret kom sammen',
    'ADHD-familien',
    'Smerter på 2. th.',
    'brud på 7. th. ribben',
    'sår på 3. th. tå',
    'Hun talte en-to-tre-fire-fem-seks og sov',
    'sidste fire uger har været svære',
    'tre-fire gange om ugen',
    // Found by a review aimed at these rules. One office, union or school alone after a meeting
    // (so «Statusmøde med AKH» is given up: it reads as «møde med KLF»).
    'møde med KLF om ekstra bostøtte',
    'Samtale m. PFA om pension',
    'Møde med DUKH om klagesag',
    'Statusmøde med AKH i dag',
    // Short forms with stops after a signature's word.
    'underskrevet m.h.t. videregivelse',
    'signeret i.f.m. flytning',
    'underskrevet f.m., afleveret e.m.',
    'signeret v.h.a. NemID',
    // What is taught or guided is a school's or an office's («vejledning af KM» is given up).
    'undervist af UCL i dysfagi',
    'vejledning af UU om uddannelse',
    // A test's or a score's name after the one who took it.
    'Test (fys/TUG) 14 sek.',
    '(ergo/AMPS) udført',
    '(psyk/BPRS) 42 point',
    // A kind of family or couple, an everyday word no list holds as a name.
    'Kontakt-familien kommer fredag',
    'Weekend-familien ringede',
    'Pensionist-parret i opgangen',
    'Krise-familien er kontaktet',
    // A finding on a tooth, a toe or a finger, after «på» and no one.
    'Kontrol af sting på 3. th.',
    'Vorter på 2. th. og 3. tv.',
    'Ny plombe på 6. th. i overkæben',
    'Rodbehandling på 4. tv. i dag',
    'liktorn på 5. tv., fodterapeut bestilt',
    // Digit words that count, test or taper, with no CPR number spoken of.
    'tæller ned seks-fem-fire-tre-to-en',
    'Digit span baglæns: ni-to-seks-fire-otte-tre',
    'Prednisolon nedtrappes fem-fem-fire-fire-tre-tre tabletter',
    'NRS sidste fire: 7-8-6-9',
    'Score sidste fire: 2 2 1 0',
    'Knæbøjninger, sidste fire 8-8-7-6',
    // A unit in capitals after an amount.
    'Vitamin A 5000 IU dagligt',
    'Smerter på 3 th.',
    '(BT, puls) målt',
    '(SSA, SSH) fordelt',
    '(PPR, psyk) kontaktet',
    '[KOL, DM2] kendt',
    'Han kom på 3 timer',
    'slutcifre mangler',
    'sidste fire uger 2014 var svære',
  ])('still leaves alone: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it.each([
    // A genitive before a noun; a name after a title, before a verb; a place's own name.
    ['Lykkes mor ringede i går', '[NAVN] mor ringede i går'],
    ['Sygepl. Agnes ved besked', 'Sygepl. [NAVN] ved besked'],
    ['mor bor på plejehjemmet rosenlyst', 'mor bor på plejehjemmet [NAVN]'],
    ['| 14.03 | BT | Puls |', '| 14.03 | BT | [NAVN] |'],
    ['| Dato | BT | Holm |', '| Dato | BT | [NAVN] |'],
    // A surname the list holds, or one it does not know, joined to its family.
    ['Skov-familiens hund', '[NAVN]-familiens hund'],
    ['Kowalczyk-familien er flyttet ind', '[NAVN]-familien er flyttet ind'],
    // After someone and «på»: at a sentence's start, a name the list holds as it is.
    ['Vera på 3. th. bekymret for borger', '[NAVN] på [ADRESSE]. bekymret for borger'],
    ['naboen på st. tv kom forbi', 'naboen på [ADRESSE] kom forbi'],
    // Variants the review found leaking: a floor without its stop or with a dotted side, a dash
    // of another kind, CPR end digits run together, more titles' short forms.
    ['nabo Vera på 3 th. har nøgle', 'nabo [NAVN] på [ADRESSE]. har nøgle'],
    ['Hanne på 1. t.h. ringede', '[NAVN] på [ADRESSE]. ringede'],
    ['Bjerg–familien hjalp', '[NAVN]–familien hjalp'],
    ['slutcifre 1948', 'slutcifre [CPR]'],
    ['slutcifrene: 1948', 'slutcifrene: [CPR]'],
    ['endecifre: 1/9/4/8', 'endecifre: [CPR]'],
    ['Set af ovl. MHJ', 'Set af ovl. [NAVN]'],
    ['Rsvl. AB tilser', 'Rsvl. [NAVN] tilser'],
    ['Behandler (SRJ, psyk) konfererer', 'Behandler ([NAVN], psyk) konfererer'],
    ['Behandler [SRJ/psyk] konfererer', 'Behandler [[NAVN]/psyk] konfererer'],
    ['kvittering underskr. k.j', 'kvittering underskr. [NAVN]'],
  ])('still masks: %j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});

describe('a 30th corpus, written without sight of the rules: a journal plan’s case number, a postcode after a house’s number, and what is no one’s', () => {
  it.each([
    // A case number as a municipality's journal plan writes it, after «sag».
    ['vedr. sag 27.12.04-G01-338-23, klient orienteret', 'vedr. sag [NUMMER], klient orienteret'],
    ['DUBU-sag 27.24.00-G01-12-24 oprettet', 'DUBU-sag [NUMMER] oprettet'],
    ['Sagen 27.12.04-G01-338-23 er lukket', 'Sagen [NUMMER] er lukket'],
    // A house's number, then the postcode and its town without a comma between.
    ['Adresse Ved Stranden 4 4874 Gedser', '[ADRESSE] [POSTNUMMER]'],
    ['bor på Bygaden 3 4862 Guldborg', 'bor på [ADRESSE] [POSTNUMMER]'],
  ])('masks: %j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });

  it.each([
    // A diagnosis's code is no date.
    'ICD-10: J44.1, I10, E11.9. Kontrol om 6 uger.',
    // A medicine's batch or lot number is no telephone's.
    'Batch 22418790, udløb 08/2026.',
    'Insulinpen skiftet, batchnr. 5418 2290.',
    'EAN: 57012345 på pakningen',
    // A table's heading row, its lines run together with « / ».
    '| Kl. | Aktivitet | / | 07.00 | Morgenmedicin | / | 12.00 | Frokost |',
    '| Dato | BT | Puls | / | 03.04 | 142/88 | 76 |',
    // The definite form of an everyday word, written small, after «i».
    'urin klar, ca. 300 ml i posen.',
  ])('leaves: %j', (text) => {
    expect(scrub(text)).toBe(text);
  });

  it.each([
    // A room where someone lives or lies, masked as a place is; a telephone number with no
    // product's word before it.
    ['flyttet til stue 12 på plejehjemmet', 'flyttet til [ADRESSE] på plejehjemmet'],
    ['pt. sover på stue 12 seng 2', 'pt. sover på [ADRESSE] seng 2'],
    ['ring på 22418790', 'ring på [TELEFON]'],
    ['datoen 12.3. er aftalt', 'datoen [DATO]. er aftalt'],
    ['| 14.03 | BT | Puls |', '| 14.03 | BT | [NAVN] |'],
    // A place the list holds, capitalised, after «i».
    ['hun bor i Posen nu', 'hun bor i [NAVN] nu'],
    // After a product's word, only one number of eight digits is left: more numbers after it,
    // or a CPR number's shape, are read as ever.
    ['Batchnr. 5418 2290 010170-1234', 'Batchnr. [CPR]'],
    ['Batch 22418790, 20 45 67 89', 'Batch [CPR]'],
    ['Lot 010170-1234 blev indlagt', '[NAVN] [CPR] blev indlagt'],
    // A date after a small letter is a date; a year after a house's number is no postcode; a
    // journal plan's number only with its facet.
    ['mødet d12/3', 'mødet d[DATO]'],
    ['mødet i sag 12.03.24-møde', 'mødet i sag [DATO]-møde'],
  ])('still masks: %j', (text, scrubbed) => {
    expect(scrub(text)).toBe(scrubbed);
  });
});
