#!/usr/bin/env python3
"""Build rules/lexicons/conditions.toml, the list of conditions, diagnoses,
procedures and care events that the patient-data composition rules of
issue 10 use (list `conditions`, rule `signal.condition` in
rules/compose.toml).

    python3 scripts/build-conditions-list.py MIRROR_DIR [--out FILE]

MIRROR_DIR holds a git copy of github.com/DiseaseOntology/HumanDiseaseOntology,
either as MIRROR_DIR/DiseaseOntology+HumanDiseaseOntology/repo (bare, or a
work tree with .git/) or as MIRROR_DIR/DiseaseOntology/HumanDiseaseOntology
(an ordinary clone). Every input is read with `git show COMMIT:PATH` from
the pinned commit and its SHA-256 is checked, so the output is the same on
every run. Python 3.8+, standard library only; nothing is downloaded.

What it does (the reasons are in rules/lexicons/conditions.md):

1. Human Disease Ontology (CC0 1.0). Classes: every class in
   DOreports/HumanDO.tsv that has an ICD-10-CM or MeSH cross-reference
   (DOreports/ICD10inDO.tsv, DOreports/MESHinDO.tsv) or is the parent of
   another class, i.e. the clinically coded diseases and the grouping names
   ("dementia", "stroke"), not the thousands of numbered genetic subtypes.
   Terms: the class label and its EXACT synonyms, taken from the release
   subset .obo files and the English source text of
   src/translations/doid-es-*.tsv (the full doid.obo and doid.owl are not
   in the snapshot; these are the current files that carry synonyms).
2. Mechanical filters: drop a term with a digit or punctuation other than
   hyphen and apostrophe, with an acronym or gene symbol (two capitals in a
   row, or a capital inside a word), with subtype, stage or grade lettering
   or roman numerals, with more than five words, or with fewer than four
   letters; fold to ASCII and lower case.
3. Hand-written exclusions: ordinary English words and names, veterinary
   terms, obsolete or offensive names (EXCLUDE, OFFENSIVE_ROOTS, GENERIC).
4. Variants: British spellings beside the American ones (anaemia,
   haemorrhage, oedema, oesophagitis, tumour, diarrhoea, generalised, ...),
   and possessive eponyms without the apostrophe (alzheimers disease).
5. UK lay terms, common procedures and care events written for this
   project (LAY_TERMS), marked as such in conditions.md.
6. Deduplicate on the form the lexicon normaliser compares (lower-case
   letters and digits; every other run of characters is one space).
7. Drop a term of three or more words that contains a shorter listed term
   as whole words ("acute myeloid leukaemia" contains "leukaemia"): the
   shorter term already matches wherever the longer one would, so the
   longer one adds no recall. Two-word terms are kept ("lung cancer").
8. Sort and write one TOML array.
"""

import argparse
import csv
import hashlib
import io
import os
import re
import subprocess
import sys
import unicodedata
from collections import defaultdict

REPO = "DiseaseOntology/HumanDiseaseOntology"
COMMIT = "9fbefd6651b79526165453395d06c8fd4bfe4247"
RELEASE = "2026-07-31"  # data-version of the DO release files at COMMIT
BUILT = "2026-11-30"    # written into the header; fixed so reruns are identical

SHA256 = {
    "DOreports/HumanDO.tsv": "c862a3523b0308ae82df6ffd5b0781af83cc561a9e9aa2b25a3cee7e2b33452d",
    "DOreports/ICD10inDO.tsv": "48416c91062ef91f959b31074eb11ac7e20fc3b606507d76dc142086dfba5cc8",
    "DOreports/MESHinDO.tsv": "d4f522b788b3ed620c6ca3c174da9de30a26cf21597f76ccbc6321d2f5fa752b",
    "src/translations/doid-es-translated.tsv": "9449a2d598b1cfc9d00afe4e97010ccde3df20cc65fae68199d518f98443fa68",
    "src/translations/doid-es-untranslated.tsv": "1a760a5ac23acfb3bfefb896dd1ec6a032d9f8f37b4b4406799eef2d93cedbb0",
    "src/ontology/releases/subsets/DO_AGR_slim.obo": "492de5bc506faaf54ecac843aadea7d033a364f430bf5d5bf2d5cd78cf8ff530",
    "src/ontology/releases/subsets/DO_CFDE_slim.obo": "dee8d85c35b02adb56081fd700dde54af4d58653b3b81d65c6ec47793db8bc59",
    "src/ontology/releases/subsets/DO_FlyBase_slim.obo": "5d6b3f53e44a642c2b4a112e8ab9ed81beb6690bf0ea8502c257257f579c2c3c",
    "src/ontology/releases/subsets/DO_GXD_slim.obo": "76944b0fbe2a18c027712ae7977d9b9d9aa062540b7363b10151cf9249b166ff",
    "src/ontology/releases/subsets/DO_IEDB_slim.obo": "fb3dc0bb1650a05c6c8d8455f7face2c42a476a39b91152e8cfe4fc90e8e0924",
    "src/ontology/releases/subsets/DO_MGI_slim.obo": "679ed4e4cb616b77098d9899787ca69fe0cbc2378308fc5493ec063ba965a5ac",
    "src/ontology/releases/subsets/DO_RAD_slim.obo": "e7d8446db0f5b4275f949a63a30816a41eac2cf55c9dba5555af19c002a390bc",
    "src/ontology/releases/subsets/DO_cancer_slim.obo": "031af4f526edbb60978ed1d817e620f4ecbee57378e5e68819c6c95b64878a2a",
    "src/ontology/releases/subsets/DO_childhood_cancer_slim.obo": "80922c8df02154255218d457c4b2115034b4efad6fadd0312503b238e31000c3",
    "src/ontology/releases/subsets/DO_infectious_disease_slim.obo": "7118594e9d8e89ae1b7834218fa0dcedd247f4b20ce7b32a2bc5be82e7dee820",
    "src/ontology/releases/subsets/DO_rare_slim.obo": "7307b7d0df45aa765660caf3cea29f65d2ad91263b66ba9da4d77d4ebd8cd05a",
    "src/ontology/releases/subsets/GOLD.obo": "97306cb4a36ee01f48f18a3ca7de07fb32545289ace7d73b524a4817ed201d28",
    "src/ontology/releases/subsets/NCIthesaurus.obo": "dfaad715d526718d55ae2e32fa2af0626d98a0f1824886d586dc148980546f7c",
    "src/ontology/releases/subsets/TopNodes_DOcancerslim.obo": "82de756b8b6494b0cec65e7aaee87468781509db3505f70a4999be0f5344041c",
    "src/ontology/releases/subsets/gram-negative_bacterial_infectious_disease.obo": "9eb0a27b316035cd8f71c4d61f3757c85abf563da7ee6f887137e54935223b83",
    "src/ontology/releases/subsets/gram-positive_bacterial_infectious_disease.obo": "d890cface754161a7e20cf1d1486b892399b7a3b236f42db3651da2e073fcecd",
    "src/ontology/releases/subsets/sexually_transmitted_infectious_disease.obo": "f763270c49c36761ceb0e6bb932b5a60795bb8a8cab363ae7a25ec56d69faa3d",
    "src/ontology/releases/subsets/tick-borne_infectious_disease.obo": "02a0a3e3d93fac9d0210667e5d53d6f405f89f38fdaffba026e729672b29ccef",
    "src/ontology/releases/subsets/zoonotic_infectious_disease.obo": "bcafb5ff023de69ef8070e8ed06418d31c89b3698683a87325f7564a3510479a",
}

# --------------------------------------------------------------------------
# Hand-written exclusions for ontology terms, compared after ASCII folding
# and lower case. The reasons are in conditions.md.

EXCLUDE = {
    # ordinary English words, figurative uses, names
    "crabs", "thrush", "plague", "leeches", "noma", "piedra", "lyssa",
    "stuttering", "a-fib", "caitlin marks", "best disease", "pick disease",
    "still disease", "large breast", "breasts enlarged", "intestine growth",
    "near vision", "paroxysmal sleep", "hibernian fever", "beaver feaver",
    "sick building syndrome", "growth", "mass", "shock", "cold", "fit",
    "block", "grip", "bends", "stitch", "the bends", "warts", "piles",
    "hives", "lump", "boil", "rash", "bleed", "fever", "cough", "virus",
    "bug", "sickness", "headache", "paranoia", "addiction", "flu-like",
    "mole", "squint", "cramp", "hiccups", "worms", "nits", "corn", "corns",
    "spots", "heat", "itch", "tremor", "swelling", "menopause", "pregnancy",
    "ageing", "aging", "obstruction", "prolapse", "spasm", "fatigue",
    # odd or foreign synonyms, not used in English posts
    "copan", "heco", "igav", "monomac", "njovera", "yaba", "bouba",
    "amenia", "frambosie", "frambeside", "morbilli", "torula",
    # veterinary
    "scrapie", "freemartinism", "capped hock", "farcy pipes", "shoe boil",
    "scabby mouth", "louping ill", "human swayback",
    # obsolete and stigmatising names
    "eunuchism", "gargoylism", "leprechaunism", "hare lip", "harelip",
    "happy puppet syndrome", "cross dresser", "king's evil", "kings evil",
}

# Any term containing one of these is dropped: obsolete or offensive
# names, identities that are not illnesses, paraphilias (allegations, not
# diagnoses, in a post; safeguarding and conduct lists deal with them).
OFFENSIVE_ROOTS = (
    "retard", "mongol", "cretin", "idiot", "imbecil", "moron", "lunatic",
    "lunacy", "insanity", "hermaphrodit", "negro", "oriental", "gypsy",
    "midget", "feeble", "crippl", "deaf-mute", "deaf mute", "deafmute",
    "dumb", "homosexual", "transsexual", "transvest", "cross dress",
    "gender identity disorder", "pedophil", "paedophil",
    "bestiality", "zoophil", "necrophil", "fetish", "voyeur", "exhibitionis",
    "frotteur", "sadism", "masochism", "paraphilia", "hysteria", "hysterical",
    "mental deficiency", "subnormal", "lobotomy", "freak",
)

# Ontology grouping words too generic to be anyone's diagnosis on their own
# (every post about a service would carry them).
GENERIC = {
    "disease", "diseases", "syndrome", "disorder", "infection", "injury",
    "neoplasm", "tumor", "tumour", "lesion", "malformation", "deficiency",
    "poisoning", "allergy", "inflammation", "abnormality", "anomaly",
    "dysfunction", "dysplasia", "disability", "hypersensitivity",
    "dependence", "abuse", "substance abuse", "physical disorder",
    "mental disorder", "genetic disease", "disease of anatomical entity",
    "disease by infectious agent", "disease of cellular proliferation",
    "disease of metabolism", "disease of mental health",
    "monogenic disease", "polygenic disease", "syndromic disease",
    "infectious disease", "acquired metabolic disease", "benign neoplasm",
    "cancer of", "cellular proliferation disease", "metabolic disease",
    "inherited metabolic disorder", "congenital abnormality",
    "mental health disorder", "psychiatric disorder", "cognitive disorder",
    "developmental disorder", "sleep disorder", "pain disorder",
}

# --------------------------------------------------------------------------
# UK lay terms, procedures and care events, written for this project (not
# from the ontology). Each is a way people write about one person's
# condition or treatment. Left out on purpose (see conditions.md): "fit",
# "a fall", "od", "ms", "tia", "pe", "aids", "surgery", "operation",
# "labour", "pregnant", "infection", "fever", "screening", "vaccine", "jab".
LAY_TERMS = """
# respiratory and infections
chest infection, chest infections, water infection, water infections,
urine infection, urinary infection, bladder infection, kidney infection,
uti, utis, ear infection, eye infection, throat infection, wound infection,
blood infection, bone infection, skin infection, infected wound,
sepsis, septicaemia, septicemia, septic shock, blood poisoning,
neutropenic sepsis, pneumonia, double pneumonia, aspiration pneumonia,
bronchitis, bronchiolitis, covid, covid-19, covid19, long covid,
coronavirus, caught covid, flu, influenza, bird flu, swine flu, norovirus,
winter vomiting bug, sickness bug, tummy bug, stomach bug, d and v,
diarrhoea and vomiting, diarrhea and vomiting, gastroenteritis,
food poisoning, c diff, c. diff, c difficile, clostridium difficile,
mrsa, mssa, e coli, e. coli, strep a, strep b, group b strep, strep throat,
scarlet fever, whooping cough, measles, mumps, rubella, chickenpox,
chicken pox, shingles, glandular fever, tonsillitis, quinsy, laryngitis,
sinusitis, conjunctivitis, pink eye, croup, rsv, meningitis, meningococcal,
encephalitis, tb, tuberculosis, hepatitis, hep a, hep b, hep c, hiv,
hiv positive, sti, stis, chlamydia, gonorrhoea, syphilis, herpes,
genital herpes, genital warts, oral thrush, vaginal thrush, cellulitis,
impetigo, scabies, head lice, threadworms, mpox, monkeypox, ebola, malaria,
lyme disease, legionnaires disease, legionnaires' disease,
asthma, asthma attack, asthmatic, copd, emphysema, collapsed lung,
punctured lung, cystic fibrosis, pleurisy, fluid on the lungs,
fluid on the lung, clot on the lung, clots on the lungs, respiratory failure,
shortness of breath, short of breath, breathing difficulties,
difficulty breathing, struggling to breathe,
# heart and circulation
heart attack, heart attacks, cardiac arrest, heart failure, heart condition,
heart problems, heart problem, heart murmur, hole in the heart, angina,
high blood pressure, low blood pressure, hypertension, palpitations,
irregular heartbeat, atrial fibrillation, afib, blood clot, blood clots,
dvt, deep vein thrombosis, pulmonary embolism, aneurysm, burst aneurysm,
varicose veins, poor circulation, leg ulcer, leg ulcers, stroke,
mini stroke, mini-stroke, mini strokes, had a stroke, suffered a stroke,
bleed on the brain, brain bleed, brain haemorrhage, brain hemorrhage,
clot on the brain, cardiac event,
# neurological
epilepsy, epileptic, epileptic fit, epileptic seizure, seizure, seizures,
had a seizure, grand mal, dementia, alzheimer's, alzheimers,
alzheimer's disease, vascular dementia, early onset dementia,
young onset dementia, parkinson's, parkinsons, parkinson's disease,
multiple sclerosis, motor neurone disease, motor neuron disease, mnd,
huntington's, huntingtons, cerebral palsy, spina bifida, brain injury,
head injury, head injuries, brain damage, brain tumour, brain tumor,
concussion, migraine, migraines, bell's palsy, bells palsy, sciatica,
trapped nerve, neuropathy, memory loss, delirium, acute confusion, coma,
induced coma, locked-in syndrome, found unconscious, knocked unconscious,
found unresponsive, paralysed, paralyzed, paralysis, paraplegic,
tetraplegic, quadriplegic, spinal injury, spinal cord injury, broken back,
broken neck,
# cancer
cancer, cancers, tumour, tumours, tumor, tumors, brain cancer,
breast cancer, bowel cancer, lung cancer, prostate cancer, skin cancer,
ovarian cancer, cervical cancer, pancreatic cancer, stomach cancer,
throat cancer, mouth cancer, blood cancer, bone cancer, liver cancer,
kidney cancer, bladder cancer, testicular cancer, womb cancer,
oesophageal cancer, secondary cancer, terminal cancer, stage four cancer,
stage 4 cancer, leukaemia, leukemia, lymphoma, myeloma, melanoma, sarcoma,
carcinoma, metastatic, metastases, secondaries, malignant, malignancy,
chemo, chemotherapy, radiotherapy, radiation therapy, immunotherapy,
biopsy, lumpectomy, mastectomy, double mastectomy, in remission,
cancer free, terminally ill, terminal illness, life-limiting illness,
life limiting illness, life-limiting condition, life limiting condition,
weeks to live, months to live, days to live,
# diabetes, kidneys, liver, gut
diabetes, diabetic, type 1 diabetes, type 2 diabetes, type one diabetes,
type two diabetes, gestational diabetes, hypo, hypos, hypoglycaemia,
hypoglycemia, hyperglycaemia, diabetic coma, dka, diabetic ketoacidosis,
kidney failure, renal failure, kidney disease, ckd, aki,
acute kidney injury, kidney stones, kidney stone, dialysis,
kidney transplant, liver failure, liver disease, cirrhosis,
cirrhosis of the liver, jaundice, fatty liver, gallstones, gall stones,
pancreatitis, appendicitis, burst appendix, crohn's, crohns,
crohn's disease, colitis, ulcerative colitis, ibs, ibd, coeliac,
coeliac disease, celiac disease, diverticulitis, hernia, bowel obstruction,
blocked bowel, stomach ulcer, bleeding ulcer, gi bleed, internal bleeding,
acid reflux, gord, incontinence, incontinent, urinary retention,
urinary catheter, has a catheter, catheter fitted, catheterised, catheterized, stoma, colostomy, ileostomy, feeding tube,
peg tube, ng tube, nasogastric tube,
# mental health
depression, depressive, postnatal depression, post-natal depression,
postpartum depression, anxiety, anxiety disorder, panic attack,
panic attacks, bipolar, bipolar disorder, manic depression, mania,
manic episode, schizophrenia, psychosis, psychotic episode,
psychotic breakdown, nervous breakdown, mental breakdown,
mental health crisis, eating disorder, anorexia, anorexic, bulimia,
bulimic, binge eating disorder, ptsd, post traumatic stress, ocd, adhd,
autism, autistic, asperger's, aspergers, personality disorder,
borderline personality disorder, suicidal, suicide attempt,
attempted suicide, tried to take her own life, tried to take his own life,
tried to take their own life, self harm, self-harm, self harming,
self-harming, overdose, overdosed, took an overdose, taken an overdose,
been sectioned, got sectioned, sectioned under the mental health act,
detained under the mental health act, alcoholism, alcohol dependence,
alcohol withdrawal, alcohol poisoning, drug addiction, heroin addiction,
alcohol addiction, gambling addiction, substance misuse, drug overdose,
learning disability, learning disabilities, down's syndrome,
downs syndrome, down syndrome, gender dysphoria,
gender reassignment surgery,
# injuries, falls, frailty
had a fall, has had a fall, had a nasty fall, after a fall, fell at home,
a fall at home, fallen at home, found on the floor, broken hip,
fractured hip, hip fracture, broken leg, broken arm, broken wrist,
broken ankle, broken collarbone, broken ribs, broken rib, broken nose,
broken jaw, broken pelvis, broken bone, broken bones, fractured pelvis,
fractured skull, fractured wrist, fractured ankle, fractured femur,
fractured neck of femur, hairline fracture, fracture, fractures,
dislocated shoulder, dislocated hip, whiplash, sprained ankle,
severe burns, third degree burns, third-degree burns, stab wound,
stab wounds, gunshot wound, gunshot wounds, dog bite,
road traffic collision, road traffic accident, pressure sore,
pressure sores, pressure ulcer, pressure ulcers, bed sore, bed sores,
bedsore, bedsores, diabetic foot, hypothermia, dehydration, malnutrition,
malnourished, sarcopenia,
# maternity and babies
miscarriage, miscarriages, had a miscarriage, stillbirth, stillbirths,
still birth, stillborn, neonatal death, c-section, c section, csection,
emergency c-section, caesarean, caesarean section, cesarean,
cesarean section, emergency caesarean, ectopic pregnancy, pre-eclampsia,
preeclampsia, placenta praevia, placental abruption, premature birth,
born prematurely, premature baby, prem baby, postpartum haemorrhage,
postpartum hemorrhage, went into labour, gone into labour, waters broke,
waters breaking, induction of labour, induced labour, forceps delivery,
ventouse, epidural, episiotomy, termination of pregnancy, abortion,
medical termination, ivf, tongue tie, jaundiced baby, neonatal jaundice,
sids, cot death,
# procedures and treatment
hip replacement, knee replacement, joint replacement,
shoulder replacement, hip op, knee op, hip operation, knee operation,
heart surgery, open heart surgery, brain surgery, back surgery,
spinal surgery, knee surgery, hip surgery, major surgery,
emergency surgery, keyhole surgery, weight loss surgery,
bariatric surgery, gastric band, gastric bypass, heart bypass,
bypass surgery, triple bypass, quadruple bypass, valve replacement,
angioplasty, stent, stents, pacemaker, angiogram, heart transplant,
lung transplant, liver transplant, bone marrow transplant,
stem cell transplant, organ transplant, amputation, amputated, amputee,
leg amputation, appendicectomy, appendectomy, appendix out,
appendix removed, gallbladder removed, gallbladder removal,
cholecystectomy, tonsillectomy, tonsils out, hysterectomy, vasectomy,
circumcision, cataract operation, cataract surgery, cataracts,
hernia repair, hernia operation, colonoscopy, endoscopy, gastroscopy,
bronchoscopy, cystoscopy, blood transfusion, skin graft, tracheostomy,
intubated, life support, given cpr, needed cpr,
electroconvulsive therapy, dnr, dnacpr, do not resuscitate,
oxygen therapy, iv antibiotics, intravenous antibiotics, on antibiotics,
nil by mouth, syringe driver, on insulin, insulin dependent,
insulin-dependent, on warfarin, on blood thinners, on anticoagulants,
on morphine, on methadone, on antidepressants, on antipsychotics,
on lithium,
# other conditions people name
allergic reaction, anaphylaxis, anaphylactic shock, anaphylactic,
arthritis, rheumatoid arthritis, osteoarthritis, osteoporosis, gout, lupus,
fibromyalgia, chronic fatigue, chronic fatigue syndrome, me/cfs,
chronic pain, back pain, chest pain, chest pains, slipped disc,
frozen shoulder, carpal tunnel, sickle cell, sickle cell disease,
haemophilia, hemophilia, anaemia, anemia, thyroid problem,
underactive thyroid, overactive thyroid, obesity, morbidly obese, eczema,
psoriasis, acne, glaucoma, macular degeneration, cataract,
partially sighted, sight loss, hearing loss, deafness, tinnitus, glue ear,
lazy eye, insomnia, sleep apnoea, sleep apnea, endometriosis, pcos,
infertility, erectile dysfunction, prostate problems, enlarged prostate,
thrombosis, hayfever, hay fever, haemorrhage, hemorrhage, oedema, edema
"""


def lay_terms():
    out = []
    for line in LAY_TERMS.split("\n"):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        out.extend(t.strip() for t in line.split(",") if t.strip())
    return out


# --------------------------------------------------------------------------
# British spellings. Each rule is applied to the whole term; a variant is
# added when the result differs.
UK_RULES = [
    (r"(?<![a-z])hem(?=[ao])", "haem"),                   # haemorrhage, haematoma
    (r"(met|sulf|cephal|hydro|pneumo|hepato|pyo)hem(?=[ao])", r"\1haem"),
    (r"(?<![a])emia\b", "aemia"),                         # anaemia, leukaemia
    (r"(isch|glyc|an|ur|kal|natr|calc|vir|bacter|sept|leuk|lipid)emic\b", r"\1aemic"),
    (r"(?<![a-z])edema", "oedema"),
    (r"(lymph|myx|lip|melan|leuk|papill)edema", r"\1oedema"),
    (r"(?<![a-z])(mega)?esophag", r"\1oesophag"),
    (r"gastroesophag", "gastro-oesophag"),
    (r"(?<![a-z])(hyper|hypo)?estrogen", r"\1oestrogen"),
    (r"tumor(?!i)", "tumour"),
    (r"(?<![a-z])pediatric", "paediatric"),
    (r"orthopedic", "orthopaedic"),
    (r"rrhea\b", "rrhoea"), (r"rrheal\b", "rrhoeal"), (r"rrheic\b", "rrhoeic"),
    (r"(?<![a-z])celiac", "coeliac"),
    (r"pnea\b", "pnoea"), (r"pneic\b", "pnoeic"),
    (r"(?<![a-z])anesthe", "anaesthe"),
    (r"(par|hyper|hypo|dys)esthe", r"\1aesthe"),
    (r"(?<![a-z])color", "colour"),
    (r"behavior", "behaviour"),
    (r"(?<![a-z])fiber", "fibre"),
    (r"gynecolog", "gynaecolog"), (r"gynecomast", "gynaecomast"),
    (r"(?<![a-z])ameb", "amoeb"),
    (r"(?<![a-z])fec(al|es)\b", r"faec\1"),
    (r"(?<![a-z])cesarean", "caesarean"),
    (r"([a-z]{3})iz(e|ed|es|ing|ation)\b", r"\1is\2"),  # generalised, localised
    (r"(?<![a-z])leukocyt", "leucocyt"),
]


def uk_variant(t):
    v = t
    for pat, rep in UK_RULES:
        v = re.sub(pat, rep, v)
    return v


def norm_key(t):
    """The form the lexicon normaliser compares: lower-case letters and
    digits, every other run of characters one space."""
    return re.sub(r"[^a-z0-9]+", " ", t.lower()).strip()


# --------------------------------------------------------------------------

def find_gitdir(mirror):
    for cand in (os.path.join(mirror, REPO.replace("/", "+"), "repo"),
                 os.path.join(mirror, REPO)):
        for g in (os.path.join(cand, ".git"), cand):
            if os.path.isdir(g) and os.path.exists(os.path.join(g, "HEAD")):
                return g
    sys.exit(f"no git copy of {REPO} under {mirror}")


def read(gitdir, path):
    data = subprocess.run(["git", "--git-dir", gitdir, "show", f"{COMMIT}:{path}"],
                          check=True, capture_output=True).stdout
    got = hashlib.sha256(data).hexdigest()
    if got != SHA256[path]:
        sys.exit(f"{path}: SHA-256 {got}, expected {SHA256[path]}")
    return data.decode("utf-8")


def tsv_rows(text):
    r = csv.reader(io.StringIO(text), delimiter="\t")
    next(r)
    return [[c.strip('"') for c in row] for row in r]


def clean(term):
    """Filter and normalise one ontology term; None when it is dropped."""
    t = term.strip()
    if re.search(r'[0-9(),;:/\[\]+&.?!"%=<>*_]', t):
        return None                          # numbering, inverted or compound titles
    if re.search(r"\b[A-Z]{2,}|\b[a-z]+[A-Z]", t):
        return None                          # acronyms, gene symbols
    folded = unicodedata.normalize("NFKD", t)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    if not folded.isascii():
        return None                          # Greek letters and the like
    t = folded.lower()
    t = re.sub(r"\s+", " ", t).strip(" -'")
    if re.search(r"\b(type|stage|grade|group|form|class|subtype|variant) [a-z]{1,2}\b", t):
        return None
    if re.search(r"\b(ii|iii|iv|vi|vii|viii|ix|xi|xii)\b", t) or \
            set(t.split()) & {"i", "ih", "v"}:
        return None
    if t.startswith("ca "):
        return None                          # "ca" = carcinoma abbreviation
    if len(norm_key(t).split()) > 5:
        return None
    if len(re.sub(r"[^a-z]", "", t)) < 4:
        return None
    return t


# Ontology phrasings that people do not write: "neoplasm" (posts say
# tumour, growth or cancer), "infection by <organism>", "disease of
# <anatomy>", "<body> system disease" grouping classes, and the enzyme
# names of inborn errors of metabolism ("<...>ase deficiency").
ONTOLOGY_PHRASING = re.compile(
    r"neoplasm|\b(disease|infection|infectious disease) by\b|\bdisease of\b"
    r"|\bsystem (disease|disorder|cancer)\b"
    r"|\b\w+(?<!dise)ase deficiency\b")  # enzyme deficiencies


def dropped(t, ontology=False):
    if t in EXCLUDE or t in GENERIC:
        return True
    if ontology and ONTOLOGY_PHRASING.search(t):
        return True
    return any(r in t for r in OFFENSIVE_ROOTS)


def build(gitdir):
    labels = {}
    parents = set()
    for i, label, parent in tsv_rows(read(gitdir, "DOreports/HumanDO.tsv")):
        labels[i] = label
        parents.add(parent)
    by_label = {l: i for i, l in labels.items()}
    chosen = {r[0] for r in tsv_rows(read(gitdir, "DOreports/ICD10inDO.tsv"))}
    chosen |= {r[0] for r in tsv_rows(read(gitdir, "DOreports/MESHinDO.tsv"))}
    chosen |= {by_label[p] for p in parents if p in by_label}
    chosen &= set(labels)

    synonyms = defaultdict(set)
    for path in sorted(SHA256):
        if path.endswith(".obo"):
            cur = None
            for line in read(gitdir, path).split("\n"):
                if line.startswith("id: "):
                    cur = line[4:].strip()
                m = re.match(r'synonym: "(.*)" EXACT', line)
                if m and cur:
                    synonyms[cur].add(m.group(1))
        elif path.startswith("src/translations/"):
            for row in csv.DictReader(io.StringIO(read(gitdir, path)), delimiter="\t"):
                if row["predicate"] == "oboInOwl:hasExactSynonym":
                    synonyms[row["source_id"]].add(row["source_text"])

    ontology = set()
    for i in chosen:
        for raw in [labels[i], *synonyms.get(i, ())]:
            t = clean(raw)
            if t and not dropped(t, ontology=True):
                ontology.add(t)

    terms = set()
    for t in ontology:
        terms.add(t)
        terms.add(uk_variant(t))
        if "'" in t:
            terms.add(t.replace("'", ""))
    terms = {t for t in terms if not dropped(t)}
    lay = lay_terms()
    terms |= set(lay)

    # one spelling per normalised form: prefer the lay spelling, then the
    # one without hyphens, then the shortest, then alphabetical
    lay_set = set(lay)
    best = {}
    for t in sorted(terms, key=lambda t: (t not in lay_set, "-" in t, len(t), t)):
        best.setdefault(norm_key(t), t)

    keys = set(best)

    def contains_shorter(k):
        w = k.split()
        for n in range(1, len(w)):
            for s in range(len(w) - n + 1):
                if " ".join(w[s:s + n]) in keys:
                    return True
        return False

    final = sorted(t for k, t in best.items()
                   if len(k.split()) < 3 or not contains_shorter(k))
    stats = {
        "ontology": len(ontology),
        "lay": len(lay_set),
        "from_ontology": sum(1 for t in final if t in ontology),
        "variants": sum(1 for t in final if t not in ontology and t not in lay_set),
        "from_lay": sum(1 for t in final if t in lay_set and t not in ontology),
    }
    return final, stats


def write(path, terms, st):
    head = f"""\
# Conditions, diagnoses, procedures and care events (list `conditions`),
# used by the patient-data composition rules (rules/compose.toml,
# signal.condition): a person + a care setting or patient role + one of
# these terms within a window -> patient data, critical. Not a finding on
# its own.
#
# Source: Human Disease Ontology, github.com/{REPO},
#   commit {COMMIT} (release {RELEASE}),
#   licence CC0 1.0: labels and EXACT synonyms of the classes that have an
#   ICD-10-CM or MeSH cross-reference or have subclasses, filtered; British
#   spellings generated beside the American ones. Plus UK lay terms,
#   procedures and care events written for this project (the project's
#   own licence; listed in the build script).
# Terms of three or more words that contain a shorter listed term are left
# out: the shorter term already matches wherever they would.
# {len(terms)} terms: {st['from_ontology']} ontology labels and synonyms, {st['variants']} British-spelling or
# apostrophe-less variants, {st['from_lay']} lay terms. Built {BUILT} by
# scripts/build-conditions-list.py (do not edit by hand; rerun it). Filters,
# exclusions and reasons: rules/lexicons/conditions.md.

[lists]
conditions = [
"""
    body = "".join(f'    "{t}",\n' for t in terms)
    with open(path, "w", encoding="utf-8") as f:
        f.write(head + body + "]\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("mirror", help="folder holding the git copy (see above)")
    ap.add_argument("--out", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "rules", "lexicons",
        "conditions.toml"))
    args = ap.parse_args()
    terms, stats = build(find_gitdir(args.mirror))
    for t in terms:
        if '"' in t or "\\" in t:
            sys.exit(f"term needs escaping: {t!r}")
    write(args.out, terms, stats)
    print(f"{len(terms)} terms -> {os.path.normpath(args.out)}")


if __name__ == "__main__":
    main()
