#!/usr/bin/python3
"""Writes the fixture world: a hand-made mini data world on which the real notebooks run end to end, quickly.

Run with the Debian python (standard library only):  /usr/bin/python3 make_world.py
It rewrites mirror/ (every input file, in the real file's exact format), origins/ (the connected run's origin files in
the formats their public origins serve, with the URLs they are served at), config/ (manifest.tsv with these files'
sha256 and bytes, study.json, paper_values.tsv) and expected.tsv (the world's designed numbers, which the end-to-end
tests compare with the pipeline's results). Same Python, same bytes: every draw comes from one random.Random(SEED),
and nothing iterates over an unordered set.

Nothing here is read from the data mirror: gene symbols, drug names and TCGA-like barcodes are real-looking names;
every value (expression, IC50, survival, z-score, network edge, identifier such as Entrez or Ensembl IDs and UUIDs)
is drawn below. The only files read are the repository's data/manifest.tsv, data/study.json and data/paper_values.tsv
(project configuration: ids, file paths and quantities, so the world keeps the study's names), and the biotab header
rows written out below are the format (column names) of the GDC biotab tables. README.md describes the design.
"""
import gzip
import hashlib
import io
import json
import math
import os
import random
import zipfile

SEED = 20201030
HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = os.path.join(HERE, "mirror")
CONFIG = os.path.join(HERE, "config")
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
rng = random.Random(SEED)

# ----------------------------------------------------------------------------------------------------------------
# Small helpers
# ----------------------------------------------------------------------------------------------------------------
WRITTEN = {}  # relative mirror path -> bytes


def put(rel, text, crlf=False, final_newline=True):
    """Stores a mirror file as text (LF, or CRLF like the Windows-saved originals)."""
    if final_newline and not text.endswith("\n"):
        text += "\n"
    if crlf:
        text = text.replace("\n", "\r\n")
    WRITTEN[rel] = text.encode("utf-8")


def put_bytes(rel, data):
    WRITTEN[rel] = data


def num(v, decimals):
    """Fixed decimals with trailing zeros removed (10.4984, 2.9, 100), as the originals print their numbers."""
    s = f"{v:.{decimals}f}"
    if "." in s:
        s = s.rstrip("0").rstrip(".")
    return "0" if s in ("-0", "") else s


def tsv(rows):
    return "".join("\t".join(str(c) for c in r) + "\n" for r in rows)


def uid(upper=False):
    """A random UUID4-shaped id from the world's generator (never os.urandom, so the world is reproducible)."""
    h = f"{rng.getrandbits(128):032x}"
    s = f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{'89ab'[rng.randrange(4)]}{h[17:20]}-{h[20:32]}"
    return s.upper() if upper else s


def median(xs):
    s = sorted(xs)
    n = len(s)
    return s[n // 2] if n % 2 else (s[n // 2 - 1] + s[n // 2]) / 2


def gauss(mu=0.0, sd=1.0):
    return rng.gauss(mu, sd)


def sha256(data):
    return hashlib.sha256(data).hexdigest()


# The three header rows of a BCR biotab patient table (column names, legacy names, CDE ids): the format, not data.
BIOTAB_PATIENT_HEADER = [
    [
        'bcr_patient_uuid', 'bcr_patient_barcode', 'form_completion_date', 'histologic_diagnosis',
        'prospective_collection', 'retrospective_collection', 'gender', 'birth_days_to', 'race', 'ethnicity',
        'history_other_malignancy', 'history_neoadjuvant_treatment', 'initial_pathologic_dx_year',
        'ajcc_staging_edition', 'ajcc_tumor_pathologic_pt', 'ajcc_nodes_pathologic_pn',
        'ajcc_metastasis_pathologic_pm', 'ajcc_pathologic_tumor_stage', 'residual_tumor', 'lymph_nodes_examined',
        'lymph_nodes_examined_count', 'lymph_nodes_examined_he_count', 'lymph_nodes_examined_ihc_count',
        'vital_status', 'last_contact_days_to', 'death_days_to', 'tumor_status', 'cea_level_pretreatment',
        'specimen_non_node_tumor_deposits', 'circumferential_resection_margin_crm', 'vascular_invasion_indicator',
        'lymphovascular_invasion_indicator', 'perineural_invasion', 'microsatellite_instability',
        'loci_tested_count', 'loci_abnormal_count', 'mismatch_rep_proteins_tested_by_ihc',
        'mismatch_rep_proteins_loss_ihc', 'kras_gene_analysis_indicator', 'kras_mutation_found',
        'kras_mutation_codon', 'braf_gene_analysis_indicator', 'braf_gene_analysis_result',
        'history_other_malignancy', 'history_colon_polyps', 'colon_polyps_at_procurement_indicator',
        'weight_kg_at_diagnosis', 'height_cm_at_diagnosis', 'family_history_colorectal_cancer',
        'radiation_treatment_adjuvant', 'pharmaceutical_tx_adjuvant', 'treatment_outcome_first_course',
        'new_tumor_event_dx_indicator', 'age_at_initial_pathologic_diagnosis', 'anatomic_neoplasm_subdivision',
        'cancer_diagnosis_cancer_type_icd9_text_name', 'clinical_M', 'clinical_N', 'clinical_T', 'clinical_stage',
        'days_to_form_completion', 'days_to_initial_pathologic_diagnosis', 'days_to_patient_progression_free',
        'days_to_tumor_progression', 'death_cause_text', 'disease_code', 'eastern_cancer_oncology_group',
        'extranodal_involvement', 'family_member_relationship_type', 'icd_10', 'icd_o_3_histology', 'icd_o_3_site',
        'informed_consent_verified', 'init_pathology_dx_method_other', 'initial_pathologic_diagnosis_method',
        'karnofsky_performance_score', 'lost_follow_up', 'measure_of_response', 'number_cycles',
        'number_pack_years_smoked', 'patient_death_reason', 'patient_id', 'pharm_regimen', 'pharm_regimen_other',
        'project_code', 'regimen_indication', 'relative_family_cancer_history', 'stage_other',
        'stem_cell_transplantation', 'stopped_smoking_year', 'tissue_source_site', 'tobacco_smoking_history',
        'tumor_tissue_site', 'year_of_tobacco_smoking_onset',
    ],
    [
        'bcr_patient_uuid', 'bcr_patient_barcode', 'form_completion_date', 'histological_type',
        'tissue_prospective_collection_indicator', 'tissue_retrospective_collection_indicator', 'gender',
        'days_to_birth', 'race', 'ethnicity', 'other_dx', 'history_of_neoadjuvant_treatment',
        'year_of_initial_pathologic_diagnosis', 'system_version', 'pathologic_T', 'pathologic_N', 'pathologic_M',
        'pathologic_stage', 'residual_tumor', 'primary_lymph_node_presentation_assessment',
        'lymph_node_examined_count', 'number_of_lymphnodes_positive_by_he', 'number_of_lymphnodes_positive_by_ihc',
        'vital_status', 'days_to_last_followup', 'days_to_death', 'person_neoplasm_cancer_status',
        'preoperative_pretreatment_cea_level', 'non_nodal_tumor_deposits', 'circumferential_resection_margin',
        'venous_invasion', 'lymphatic_invasion', 'perineural_invasion_present', 'microsatellite_instability',
        'number_of_loci_tested', 'number_of_abnormal_loci', 'loss_expression_of_mismatch_repair_proteins_by_ihc',
        'loss_expression_of_mismatch_repair_proteins_by_ihc_result', 'kras_gene_analysis_performed',
        'kras_mutation_found', 'kras_mutation_codon', 'braf_gene_analysis_performed', 'braf_gene_analysis_result',
        'synchronous_colon_cancer_present', 'history_of_colon_polyps', 'colon_polyps_present', 'weight', 'height',
        'number_of_first_degree_relatives_with_cancer_diagnosis', 'radiation_therapy', 'postoperative_rx_tx',
        'primary_therapy_outcome_success', 'new_tumor_event_after_initial_treatment',
        'age_at_initial_pathologic_diagnosis', 'anatomic_neoplasm_subdivision',
        'cancer_diagnosis_cancer_type_icd9_text_name', 'clinical_M', 'clinical_N', 'clinical_T', 'clinical_stage',
        'days_to_form_completion', 'days_to_initial_pathologic_diagnosis', 'days_to_patient_progression_free',
        'days_to_tumor_progression', 'death_cause_text', 'disease_code', 'eastern_cancer_oncology_group',
        'extranodal_involvement', 'family_member_relationship_type', 'icd_10', 'icd_o_3_histology', 'icd_o_3_site',
        'informed_consent_verified', 'init_pathology_dx_method_other', 'initial_pathologic_diagnosis_method',
        'karnofsky_performance_score', 'lost_follow_up', 'measure_of_response', 'number_cycles',
        'number_pack_years_smoked', 'patient_death_reason', 'patient_id', 'pharm_regimen', 'pharm_regimen_other',
        'project_code', 'regimen_indication', 'relative_family_cancer_history', 'stage_other',
        'stem_cell_transplantation', 'stopped_smoking_year', 'tissue_source_site', 'tobacco_smoking_history',
        'tumor_tissue_site', 'year_of_tobacco_smoking_onset',
    ],
    [
        'CDE_ID:', 'CDE_ID:2003301', 'CDE_ID:', 'CDE_ID:3081934', 'CDE_ID:3088492', 'CDE_ID:3088528',
        'CDE_ID:2200604', 'CDE_ID:3008233', 'CDE_ID:2192199', 'CDE_ID:2192217', 'CDE_ID:3382736', 'CDE_ID:3382737',
        'CDE_ID:2896960', 'CDE_ID:2722309', 'CDE_ID:3045435', 'CDE_ID:3203106', 'CDE_ID:3045439', 'CDE_ID:3203222',
        'CDE_ID:2608702', 'CDE_ID:2200396', 'CDE_ID:3', 'CDE_ID:3086388', 'CDE_ID:3086383', 'CDE_ID:5',
        'CDE_ID:3008273', 'CDE_ID:3165475', 'CDE_ID:2759550', 'CDE_ID:2716510', 'CDE_ID:3107051', 'CDE_ID:64202',
        'CDE_ID:64358', 'CDE_ID:64171', 'CDE_ID:64181', 'CDE_ID:3123142', 'CDE_ID:3107127', 'CDE_ID:3107129',
        'CDE_ID:3123153', 'CDE_ID:3105496', 'CDE_ID:3123147', 'CDE_ID:2932340', 'CDE_ID:3124509', 'CDE_ID:3123151',
        'CDE_ID:3107189', 'CDE_ID:2185953', 'CDE_ID:3107197', 'CDE_ID:64184', 'CDE_ID:651', 'CDE_ID:649',
        'CDE_ID:3107205', 'CDE_ID:2005312', 'CDE_ID:3397567', 'CDE_ID:2786727', 'CDE_ID:3121376', 'CDE_ID:2006657',
        'CDE_ID:3108203', 'CDE_ID:2195089', 'CDE_ID:3440331', 'CDE_ID:3440330', 'CDE_ID:3440328', 'CDE_ID:3440332',
        'CDE_ID:', 'CDE_ID:3008275', 'CDE_ID:4887491', 'CDE_ID:3165480', 'CDE_ID:2004150', 'CDE_ID:', 'CDE_ID:88',
        'CDE_ID:3364582', 'CDE_ID:2783641', 'CDE_ID:3226287', 'CDE_ID:3226275', 'CDE_ID:3226281', 'CDE_ID:3288361',
        'CDE_ID:2757948', 'CDE_ID:2757941', 'CDE_ID:2003853', 'CDE_ID:61333', 'CDE_ID:2857291', 'CDE_ID:62590',
        'CDE_ID:2955385', 'CDE_ID:2554674', 'CDE_ID:', 'CDE_ID:3366758', 'CDE_ID:3366930', 'CDE_ID:',
        'CDE_ID:2793511', 'CDE_ID:2691192', 'CDE_ID:2007104', 'CDE_ID:2957417', 'CDE_ID:2228610', 'CDE_ID:',
        'CDE_ID:2181650', 'CDE_ID:3427536', 'CDE_ID:2228604',
    ],
]

# The three header rows of a BCR biotab drug table (column names, legacy names, CDE ids): the format, not data.
BIOTAB_DRUG_HEADER = [
    [
        'bcr_patient_uuid', 'bcr_patient_barcode', 'bcr_drug_barcode', 'bcr_drug_uuid', 'form_completion_date',
        'pharmaceutical_therapy_drug_name', 'clinical_trial_drug_classification', 'pharmaceutical_therapy_type',
        'pharmaceutical_tx_started_days_to', 'pharmaceutical_tx_ongoing_indicator',
        'pharmaceutical_tx_ended_days_to', 'treatment_best_response', 'days_to_stem_cell_transplantation',
        'pharm_regimen', 'pharm_regimen_other', 'pharma_adjuvant_cycles_count', 'pharma_type_other',
        'pharmaceutical_tx_dose_units', 'pharmaceutical_tx_total_dose_units', 'prescribed_dose', 'regimen_number',
        'route_of_administration', 'stem_cell_transplantation', 'stem_cell_transplantation_type', 'therapy_regimen',
        'therapy_regimen_other', 'total_dose', 'tx_on_clinical_trial',
    ],
    [
        'bcr_patient_uuid', 'bcr_patient_barcode', 'bcr_drug_barcode', 'bcr_drug_uuid', 'form_completion_date',
        'drug_name', 'clinical_trail_drug_classification', 'therapy_type', 'days_to_drug_therapy_start',
        'therapy_ongoing', 'days_to_drug_therapy_end', 'measure_of_response', 'days_to_stem_cell_transplantation',
        'pharm_regimen', 'pharm_regimen_other', 'number_cycles', 'therapy_type_notes', 'prescribed_dose_units',
        'total_dose_units', 'prescribed_dose', 'regimen_number', 'route_of_administration',
        'stem_cell_transplantation', 'stem_cell_transplantation_type', 'regimen_indication',
        'regimen_indication_notes', 'total_dose', 'tx_on_clinical_trial',
    ],
    [
        'CDE_ID:', 'CDE_ID:2003301', 'CDE_ID:', 'CDE_ID:', 'CDE_ID:', 'CDE_ID:2975232', 'CDE_ID:3378323',
        'CDE_ID:2793530', 'CDE_ID:3392465', 'CDE_ID:3103479', 'CDE_ID:3392470', 'CDE_ID:2857291', 'CDE_ID:3414613',
        'CDE_ID:3366758', 'CDE_ID:3366930', 'CDE_ID:62590', 'CDE_ID:2001762', 'CDE_ID:3065815', 'CDE_ID:3088785',
        'CDE_ID:2184728', 'CDE_ID:2744948', 'CDE_ID:2003586', 'CDE_ID:3090688', 'CDE_ID:2730901', 'CDE_ID:2793511',
        'CDE_ID:2793516', 'CDE_ID:1515', 'CDE_ID:3925111',
    ],
]


# ----------------------------------------------------------------------------------------------------------------
# Genes and pathways. Names are real Reactome (MSigDB v6.1 style) pathway names and real gene symbols; memberships
# are hand-picked core genes (biologically plausible, not copied from any file) plus random filler genes.
# ----------------------------------------------------------------------------------------------------------------
BH3 = "REACTOME_ACTIVATION_OF_BH3_ONLY_PROTEINS"
BER = "REACTOME_BASE_EXCISION_REPAIR"
ELONGATION = "REACTOME_DNA_STRAND_ELONGATION"

CORES = [
    (BH3, "BCL2L11 BBC3 PMAIP1 BAD BID BMF HRK DYNLL1 DYNLL2 YWHAB TP53 E2F1 TFDP1 MAPK8 AKT1 BCL2"),
    ("REACTOME_INTRINSIC_PATHWAY_FOR_APOPTOSIS", "BAX BAK1 CYCS APAF1 CASP9 BCL2 BCL2L1 MCL1 DIABLO XIAP BOK"),
    ("REACTOME_APOPTOTIC_EXECUTION_PHASE", "CASP3 CASP7 CASP6 DFFA DFFB LMNA LMNB1 ACIN1 PLEC ROCK1 GSN"),
    ("REACTOME_APOPTOSIS", "CASP3 CASP8 CASP9 FADD TNFRSF10B BAX BCL2 CYCS APAF1 XIAP TP53 TRADD"),
    ("REACTOME_PYRIMIDINE_METABOLISM", "TYMS UMPS CAD DHODH TK1 DUT DCTD UCK2 CTPS1 RRM1 RRM2 NT5C UPP1 DPYD"),
    ("REACTOME_METABOLISM_OF_FOLATE_AND_PTERINES", "DHFR MTHFR MTHFD1 SHMT1 SHMT2 TYMS SLC19A1 FPGS GGH MTR"),
    ("REACTOME_G1_S_SPECIFIC_TRANSCRIPTION", "E2F1 TFDP1 TYMS CDC6 CDK1 CCNE1 PCNA RRM2 TK1 DHFR CDC25A MYBL2"),
    ("REACTOME_E2F_MEDIATED_REGULATION_OF_DNA_REPLICATION", "E2F1 RB1 TFDP1 CCNA1 CDK1 CDC6 ORC1 ORC2 MCM2 MCM3 POLA1 TYMS"),
    (ELONGATION, "MCM2 MCM3 MCM4 MCM5 MCM6 MCM7 GINS1 GINS2 POLD1 POLD2 POLA1 PRIM1 RFC2 RFC3 LIG1 TOP1"),
    (BER, "MPG OGG1 UNG NTHL1 APEX1 POLB LIG3 XRCC1 PARP1 PARP2 NEIL1 MUTYH TDG SMUG1 PCNA FEN1"),
    ("REACTOME_DNA_REPAIR", "MPG OGG1 ERCC1 ERCC2 XPA XPC RAD51 BRCA1 BRCA2 MLH1 MSH2 MSH6 PMS2 ATM ATR FANCD2 POLH ATOX1"),
    ("REACTOME_FANCONI_ANEMIA_PATHWAY", "FANCA FANCC FANCD2 FANCE FANCG FANCI FANCL FANCM ERCC1 ERCC4 SLX4 USP1 RPA1 ATR"),
    ("REACTOME_NUCLEOTIDE_EXCISION_REPAIR", "ERCC1 ERCC2 ERCC3 ERCC4 ERCC5 XPA XPC RAD23B DDB1 DDB2 CUL4A GTF2H1 RPA1 POLE LIG1 TOP1"),
    ("REACTOME_PLATELET_DEGRANULATION", "A2M TF ALB APOA1 FGA FGB FGG SERPINA1 TIMP1 VWF THBS1 PF4 PPBP SPARC CLU"),
    ("REACTOME_RESPONSE_TO_ELEVATED_PLATELET_CYTOSOLIC_CA2_", "A2M TF ALB FGA FGB VWF THBS1 PF4 CLU SERPINE1 TIMP1 CALM1"),
    ("REACTOME_TRANSFERRIN_ENDOCYTOSIS_AND_RECYCLING", "TF TFRC ATP6V0A1 ATP6V1A ATP6V1B2 ATP6V0D1 ATP6V1E1 STEAP3 MCOLN1 HFE"),
    ("REACTOME_IRON_UPTAKE_AND_TRANSPORT", "TF TFRC SLC40A1 FTH1 FTL HMOX1 CP HEPH STEAP3 SLC11A2 CYBRD1 ATOX1"),
    ("REACTOME_ION_TRANSPORT_BY_P_TYPE_ATPASES", "ATP7A ATP7B ATOX1 ATP1A1 ATP1B1 ATP2A2 ATP2B1 ATP2C1 ATP13A1 PLN CALM1"),
    ("REACTOME_METAL_ION_SLC_TRANSPORTERS", "SLC31A1 SLC30A1 SLC39A10 SLC40A1 SLC11A2 SLC39A14 CP HEPH SLC30A5 ATOX1 TF"),
    ("REACTOME_TRANSPORT_OF_INORGANIC_CATIONS_ANIONS_AND_AMINO_ACIDS_OLIGOPEPTIDES", "SLC1A5 SLC7A5 SLC7A11 SLC3A2 SLC38A2 SLC12A2 SLC4A2 SLC26A2 SLC31A1 SLC9A1 SLC36A1"),
    ("REACTOME_P53_DEPENDENT_G1_DNA_DAMAGE_RESPONSE", "TP53 MDM2 CDKN1A ATM CHEK2 PSMB5 PSMB6 PSMA1 PSMD1 CCNE1 CDK2 ZNF385A"),
    ("REACTOME_SIGNALING_BY_EGFR", "EGFR GRB2 SOS1 SHC1 KRAS HRAS NRAS PIK3CA PIK3R1 PLCG1 CBL EGF ERBB2 PTPN11 GAB1"),
    ("REACTOME_PI3K_AKT_ACTIVATION", "AKT1 AKT2 PIK3CA PIK3CB PIK3R1 PDPK1 PTEN MTOR RICTOR FOXO3 GSK3B TSC2"),
    ("REACTOME_MAPK_TARGETS_NUCLEAR_EVENTS_MEDIATED_BY_MAP_KINASES", "MAPK1 MAPK3 MAPK8 MAPK14 JUN FOS ELK1 ATF2 MEF2C CREB1 DUSP3 DUSP6 PPP2CA"),
    ("REACTOME_REGULATION_OF_SIGNALING_BY_CBL", "CBL CRK CRKL FYN GRB2 LYN SYK VAV1 PIK3CA PIK3R1 YES1 HCK"),
    ("REACTOME_IRAK1_RECRUITS_IKK_COMPLEX", "CHUK IKBKB IKBKG IRAK1 TRAF6 UBE2N PELI1 PELI2 PELI3"),
    ("REACTOME_TNFR1_INDUCED_NFKAPPAB_SIGNALING_PATHWAY", "TNF TNFRSF1A TRADD RIPK1 TRAF2 BIRC2 BIRC3 CHUK IKBKB IKBKG OTUD7B"),
    ("REACTOME_GLYCOLYSIS", "HK1 HK2 GPI PFKL PFKP ALDOA TPI1 GAPDH PGK1 PGAM1 ENO1 PKM LDHA"),
    ("REACTOME_CITRIC_ACID_CYCLE_TCA_CYCLE", "CS ACO2 IDH3A IDH2 OGDH DLST SUCLG1 SDHA SDHB FH MDH2 DLD"),
    ("REACTOME_CHOLESTEROL_BIOSYNTHESIS", "HMGCR HMGCS1 MVK PMVK MVD IDI1 FDPS FDFT1 SQLE LSS CYP51A1 DHCR7 SC5D"),
    ("REACTOME_COLLAGEN_FORMATION", "COL1A1 COL1A2 COL3A1 COL4A1 COL4A2 COL5A1 COL6A1 P4HA1 PLOD1 LOX PCOLCE SERPINH1"),
    ("REACTOME_O_LINKED_GLYCOSYLATION_OF_MUCINS", "MUC1 MUC2 MUC5AC MUC13 GALNT1 GALNT3 GALNT7 C1GALT1 B3GNT6 ST6GALNAC1 GCNT3"),
    ("REACTOME_WNT_LIGAND_BIOGENESIS_AND_TRAFFICKING", "WNT1 WNT2 WNT3 WNT5A WNT7B WLS PORCN VPS35 VPS26A SNX3 TMED5"),
    ("REACTOME_TCF_DEPENDENT_SIGNALING_IN_RESPONSE_TO_WNT", "CTNNB1 APC AXIN1 AXIN2 GSK3B TCF7L2 LEF1 LGR5 MYC CCND1 DVL1 FZD7 LRP6"),
    ("REACTOME_MITOTIC_PROMETAPHASE", "CENPE CENPF BUB1 BUB1B BUB3 MAD2L1 NDC80 NUF2 SPC25 PLK1 AURKB CDCA8 INCENP KIF2C ZWINT"),
    ("REACTOME_PEPTIDE_CHAIN_ELONGATION", "RPL3 RPL4 RPL5 RPL7 RPL8 RPL10 RPS3 RPS6 RPS8 RPS14 EEF1A1 EEF2 RPLP0"),
    ("REACTOME_3_UTR_MEDIATED_TRANSLATIONAL_REGULATION", "RPL3 RPL4 RPS3 RPS6 EIF4A1 EIF4E EIF4G1 EIF3A EIF3B PABPC1 RPL10 RPS14"),
    ("REACTOME_KERATAN_SULFATE_BIOSYNTHESIS", "CHST1 CHST2 CHST6 B3GNT7 B4GALT4 ST3GAL1 LUM KERA FMOD OMD"),
]
# Genes in no pathway (expressed everywhere, in the networks as bystanders).
BACKGROUND = ("B2M HPRT1 TBP GUSB PPIA YWHAZ UBC HMBS POLR2A ALAS1 ACTB ACTG1 TUBB TUBA1B VIM KRT8 KRT18 KRT19 KRT20 "
              "CDX2 CDH1 EPCAM VIL1 LGALS4 CEACAM5 MKI67 TOP2A CCNB1 CDK4 CDK6 CCND2 SOX9 OLFM4 ASCL2 TFF3 REG4 "
              "SPINK4 FABP1 UGT1A1 CES2 ABCG2 ABCB1 SMAD4 PTGS2 NOTCH1 HES1 ATOH1 TOP1MT UPK1B UPK3A GATA3 KRT5").split()

# The pathway whose genes carry each drug's response factor (organoids) and, in patients, the survival effect.
DRIVERS = {BH3: "f_5fu", BER: "f_cisplatin", ELONGATION: "f_irinotecan"}

core = {name: genes.split() for name, genes in CORES}
pathway_names = [name for name, _ in CORES]
in_any_core = {}
for name in pathway_names:
    for g in core[name]:
        in_any_core.setdefault(g, []).append(name)
# Driver genes are those of a driver pathway found in no other pathway: the factor then moves that one pathway only.
driver_genes = {p: [g for g in core[p] if len(in_any_core[g]) == 1] for p in DRIVERS}
all_driver_genes = sorted({g for p in DRIVERS for g in core[p]})
universe = sorted(set(in_any_core) | set(BACKGROUND))
# Each driver gene has a partner among the background genes that moves the opposite way, at a similar level: ssGSEA
# scores are ranks within a sample, so without partners a driver pathway rising would push every other pathway down
# and the other pathways would correlate with the response by composition alone.
background_pool = [g for g in BACKGROUND if g not in ("TOP1MT",)]
rng.shuffle(background_pool)
partner = {}
for p in DRIVERS:
    for g in driver_genes[p]:
        partner[g] = background_pool.pop()
filler_pool = [g for g in universe if g not in all_driver_genes and g not in partner.values()]

pathways = {}
for name in pathway_names:
    genes = list(core[name])
    if name not in DRIVERS:
        for g in rng.sample(filler_pool, rng.randint(0, 5)):
            if g not in genes:
                genes.append(g)
    rng.shuffle(genes)  # GMT order matters: the authors' reading loses each set's first gene
    pathways[name] = genes
# The pathway order of the GMT: shuffled, as MSigDB's is not alphabetical.
gmt_order = list(pathway_names)
rng.shuffle(gmt_order)

# Drugs and targets (DrugBank targets of the study drugs; a few other rows for pooled names and an alias).
DRUG_TARGET_ROWS = [
    ("AICAR", "ATIC"),
    ("BMS-536924, LINSITINIB", "IGF1R"),
    ("CISPLATIN", "TF,MPG,A2M,ATOX1"),
    ("FLUOROURACIL", "TYMS"),
    ("GEMCITABINE", "CMPK1,RRM1,TYMS"),
    ("IRINOTECAN", "TOP1MT,TOP1"),
    ("METHOTREXATE", "DHFR"),
    ("NAVITOCLAX", "BAD,BCL2L2,BCL2"),
    ("PACLITAXEL,DOCETAXEL", "MAP4,TUBB1,MAP2,NR1I2,MAPT,BCL2"),
    ("VELIPARIB,TALAZOPARIB", "PARP1,PARP2"),
]
TARGETS = {"FLUOROURACIL": ["TYMS"], "CISPLATIN": ["TF", "MPG", "A2M", "ATOX1"], "IRINOTECAN": ["TOP1MT", "TOP1"]}

# Entrez and Ensembl identifiers: invented (unique within the world), not the genes' real ids.
entrez = {}
used = set()
for g in universe:
    while True:
        e = rng.randint(1000, 99999)
        if e not in used:
            used.add(e)
            entrez[g] = str(e)
            break
ensembl = {g: f"ENSG00000{rng.randint(100000, 999999)}" for g in universe}


# ----------------------------------------------------------------------------------------------------------------
# Organoids: 12 expression profiles, a drug screen of 11 organoids (10 with expression), the authors' medians.
# Each organoid has one latent factor per study drug; the driver pathway's genes move with it and the drug's ln IC50
# falls (5-FU, irinotecan) or rises (cisplatin) with it, so each drug has one true biomarker pathway.
# ----------------------------------------------------------------------------------------------------------------
ORGANOIDS = ["P5", "P6", "P9", "P10", "P11", "P13", "P16", "P19A", "P19B", "P24A", "P24B", "P26"]
EXPRESSED = sorted(ORGANOIDS)                               # string order, as the GEO-derived file has them
SCREENED = [o for o in ORGANOIDS if o not in ("P13", "P24B")] + ["P31"]  # P31: screened, no expression profile
factors = {o: {f: gauss() for f in ("f_5fu", "f_cisplatin", "f_irinotecan")} for o in ORGANOIDS + ["P31"]}
same_patient = {"P19A": "P19", "P19B": "P19", "P24A": "P24", "P24B": "P24"}

partner_of = {anti: g for g, anti in partner.items()}
not_on_arrays = set(rng.sample([x for x in filler_pool if x not in ("TYMS", "TOP1")], 14))
organoid_genes = [g for g in universe if g not in not_on_arrays]
organoid_mean = {g: rng.uniform(3.0, 12.5) for g in universe}
for g, anti in partner.items():
    organoid_mean[anti] = organoid_mean[g] + rng.uniform(-0.4, 0.4)
patient_component = {p: {g: gauss(0, 0.35) for g in universe} for p in ("P19", "P24")}
organoid_expr = {}
for o in ORGANOIDS:
    noise = 0.55 if o == "P6" else 0.3  # P6 is noisier: the QC's correlation outlier rule has something to look at
    for g in organoid_genes:
        v = organoid_mean[g] + gauss(0, noise)
        if o in same_patient:
            v += patient_component[same_patient[o]][g]
        for p, f in DRIVERS.items():
            if g in driver_genes[p]:
                v += 1.6 * factors[o][f]
            elif g in partner.values() and partner_of[g] in driver_genes[p]:
                v -= 1.6 * factors[o][f]
        organoid_expr[(g, o)] = round(v, 5)

uniprot = {}
for g in organoid_genes:
    uniprot[g] = rng.choice("OPQ") + str(rng.randint(0, 9)) + "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789") for _ in range(3)) + str(rng.randint(0, 9))
rows = [["geneID", "uniprotID"] + EXPRESSED]
for g in organoid_genes:
    rows.append([g, uniprot[g]] + [num(organoid_expr[(g, o)], 5) for o in EXPRESSED])
put("organoid_crc/geneID_expression_median.txt", tsv(rows))

# The screen: (Drug_ID, name as the screen spells it, highest tested concentration in uM, response model).
SCREEN_DRUGS = [
    ("1001", "AICAR", 100, None),
    ("1005", "Cisplatin", 50, ("f_cisplatin", 2.7, +1.0)),
    ("1032", "Afatinib", 10, None),
    ("1047", "Nutlin-3a", 20, None),
    ("1073", "5-Fluorouracil", 100, ("f_5fu", 4.3, -1.1)),
    ("1088", "Irinotecan", 20, ("f_irinotecan", 1.4, -1.0)),
    ("1089", "Oxaliplatin", 50, None),
    ("1190", "Gemcitibine", 5, None),  # the screen's own misspelling, kept as the real Table S2b has it
]
screen_rows = []
screen_medians = {}
for o in sorted(SCREENED, key=lambda x: x.lower()):
    raw_id = o[:-1] + o[-1].lower() if o in same_patient else o  # Table S2b writes P19a, P24a
    for drug_id, name, max_conc, model in SCREEN_DRUGS:
        if name == "AICAR" and o == "P31":
            continue  # not every organoid has every drug
        if model is None:
            centre = gauss(math.log(max_conc) - 1.0, 1.2)
        else:
            f, base, slope = model
            centre = base + slope * factors[o][f] + gauss(0, 0.3)
        n_rep = 5 if o == "P16" and name in ("5-Fluorouracil", "Oxaliplatin") else rng.choice([2, 3, 3])
        reps = []
        for _ in range(n_rep):
            ic50 = centre + gauss(0, 0.4)
            beta = rng.uniform(0.5, 2.6)
            auc = 0.2 + 0.8 / (1 + math.exp(-(ic50 - (math.log(max_conc) - 2.0)) / 1.2)) + gauss(0, 0.03)
            auc = min(0.995, max(0.05, auc))
            reps.append(ic50)
            screen_rows.append([raw_id, drug_id, name, str(max_conc), num(ic50, 6), num(beta, 6), num(auc, 6)])
        screen_medians[(raw_id, name)] = median(reps)
put("organoid_crc/supp_table_S2b.txt", tsv([["Organoid", "Drug_ID", "Drug Name", "Max_conc", "IC50", "BETA", "AUC"]] + screen_rows), crlf=True)
put("organoid_crc/median_response.txt",
    tsv([["Organoid", "Drug Name", "median_IC50"]] + [[o, d, num(v, 6)] for (o, d), v in screen_medians.items()]))


def write_xlsx(rel, sheets, into=None):
    """A minimal Office Open XML workbook (shared strings, one worksheet per sheet), fixed timestamps (into: another file dict)."""
    strings, index = [], {}

    def si(text):
        if text not in index:
            index[text] = len(strings)
            strings.append(text)
        return index[text]

    def col(i):
        s = ""
        i += 1
        while i:
            i, r = divmod(i - 1, 26)
            s = chr(65 + r) + s
        return s

    sheet_xml = []
    for name, table in sheets:
        out = ['<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>']
        for r, row in enumerate(table, start=1):
            cells = []
            for c, v in enumerate(row):
                ref = f"{col(c)}{r}"
                try:
                    float(v)
                    cells.append(f'<c r="{ref}"><v>{v}</v></c>')
                except ValueError:
                    cells.append(f'<c r="{ref}" t="s"><v>{si(v)}</v></c>')
            out.append(f'<row r="{r}">{"".join(cells)}</row>')
        out.append("</sheetData></worksheet>")
        sheet_xml.append("".join(out))
    ns = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'
    workbook = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook {ns}><sheets>'
                + "".join(f'<sheet name="{n}" sheetId="{i + 1}" r:id="rId{i + 1}"/>' for i, (n, _) in enumerate(sheets)) + "</sheets></workbook>")
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            + "".join(f'<Relationship Id="rId{i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{i + 1}.xml"/>' for i in range(len(sheets)))
            + f'<Relationship Id="rId{len(sheets) + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>')
    shared = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
              + "".join(f"<si><t>{s.replace('&', '&amp;').replace('<', '&lt;')}</t></si>" for s in strings) + "</sst>")
    types = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
             '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
             '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
             + "".join(f'<Override PartName="/xl/worksheets/sheet{i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' for i in range(len(sheets)))
             + '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>')
    root_rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                 '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as z:
        parts = [("[Content_Types].xml", types), ("_rels/.rels", root_rels), ("xl/workbook.xml", workbook), ("xl/_rels/workbook.xml.rels", rels)]
        parts += [(f"xl/worksheets/sheet{i + 1}.xml", x) for i, x in enumerate(sheet_xml)] + [("xl/sharedStrings.xml", shared)]
        for name, text in parts:
            info = zipfile.ZipInfo(name, date_time=(2015, 4, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))
    if into is None:
        put_bytes(rel, buffer.getvalue())
    else:
        into[rel] = buffer.getvalue()


s2a = [["Organoid", "Drug_ID", "Drug Name", "Max_conc"]] + sorted({(r[0], r[1], r[2], r[3]) for r in screen_rows})
write_xlsx("organoid_crc/1-s2.0-S0092867415003736-mmc3.xlsx",
           [("Supplemental Table S2a", [list(r) for r in s2a]),
            ("Supplemental Table S2b", [["Organoid", "Drug_ID", "Drug Name", "Max_conc", "IC50", "BETA", "AUC"]] + screen_rows)])
rescreen = [["Organoid", "Drug Name", "IC50"]] + [[r[0], r[2], r[4]] for r in screen_rows if r[0] in ("P16", "P26")]
write_xlsx("organoid_crc/1-s2.0-S0092867415003736-mmc6.xlsx", [("Run 1", rescreen), ("Run 2", rescreen[:8]), ("Sheet3", [])])

# Bladder organoids (Lee 2018): only described by stage 01's inventory; CoderData-style AUC table and GSM map.
bladder_lines = ["SCBO-1", "SCBO-2", "SCBO-5", "SCBO-11", "SCBO-11_2", "SCBO-13"]
lee = [["sample", "drug", "response", "metric", "direction", "n_screens", "screens"]]
for drug in ["ALISERTIB", "CISPLATIN", "GEMCITABINE", "PACLITAXEL"]:
    for line in bladder_lines:
        if drug == "CISPLATIN" and line == "SCBO-13":
            continue
        n = rng.randint(1, 4)
        screens = ",".join(sorted([f"{line}_Organoid_P{rng.randint(1, 20)}" for _ in range(n - 1)] + [f"{line}_Parental"]))
        lee.append([line, drug, num(rng.uniform(0.3, 0.95), 4), "AUC", "lower = more sensitive", str(n), screens])
put("organoid_blca/lee2018_coderdata_response.tsv", tsv(lee))
gsm = [["gsm", "title", "sample"]]
for i, line in enumerate(bladder_lines * 2):
    gsm.append([f"GSM99{10000 + i}", f"{line}_orgP{rng.randint(2, 20)}", line])
put("organoid_blca/lee2018_gsm_map.tsv", tsv(gsm))


# ----------------------------------------------------------------------------------------------------------------
# Pathways (GMT without a description column), drug targets, DrugBank tables, the authors' proximity z table.
# ----------------------------------------------------------------------------------------------------------------
put("pathways/reactome_msigdb_v6.1.gmt", "".join(name + "\t" + "\t".join(pathways[name]) + "\n" for name in gmt_order))
put("drugs/drug_drugTarget.txt", tsv([["drugs", "targets"]] + [list(r) for r in DRUG_TARGET_ROWS]), crlf=True)

# DrugBank vocabulary: the drugs the TCGA records name, with the synonyms that make the authors' name rule work.
VOCABULARY = [
    ("DB00002", "BTD00024 | BIOD00024", "Cetuximab", "205923-56-4", "PQX0D8J21J", "Cetuximab | Cetuximabum | Erbitux", ""),
    ("DB00112", "BTD00087", "Bevacizumab", "216974-75-3", "2S9ZZM9Q9V", "Bevacizumab | Bevacizumabum", ""),
    ("DB00441", "APRD00481", "Gemcitabine", "95058-81-4", "B76N6SBZ8R", "2',2'-difluorodeoxycytidine | dFdC | Gemcitabina | Gemcitabine", "SDUQYLNIPVEERB-QPPQHZFASA-N"),
    ("DB00515", "APRD00359", "Cisplatin", "15663-27-1", "Q20Q21Q62J", "CDDP | Cis-DDP | cis-diamminedichloroplatinum(II)", "DQLATGHUWYMOKM-UHFFFAOYSA-L"),
    ("DB00526", "APRD00790", "Oxaliplatin", "61825-94-3", "04ZR38536J", "Oxaliplatine | Oxaliplatino | Oxaliplatinum", "ZROHGHOFXNOHSO-BNTLRKBRSA-L"),
    ("DB00544", "APRD00516 | EXPT03204", "Fluorouracil", "51-21-8", "U3P01618RT", "5-Fluoracil | 5-Fluoropyrimidine-2,4-dione | 5-Fluorouracil | 5-FU | Fluoro Uracil | Fluorouracil | Fluorouracilo | FU", "GHASVSINZRGABV-UHFFFAOYSA-N"),
    ("DB00563", "APRD00353", "Methotrexate", "59-05-2", "YL5FZ2Y5U1", "Amethopterin | Methotrexate | MTX", "FBOZXECLQNJBKD-ZDUSSCGKSA-N"),
    ("DB00570", "APRD00371", "Vinblastine", "865-21-4", "5V9KLZ54CY", "Vinblastin | Vincaleukoblastine", "JXLYSJRDGCGARV-CFWMRBGOSA-N"),
    ("DB00650", "APRD00227", "Leucovorin", "58-05-9", "Q573I9DVLP", "Calcium folinate | Folinic acid | Leucovorin | LV", "VVIAGPKUTFNRDU-ABLWVSNPSA-N"),
    ("DB00762", "APRD00579", "Irinotecan", "97682-44-5", "7673326042", "Biotecan | Camptothecin-11 | CPT-11 | Irinotecan", "UWKQSNNFCGGAFS-XIFFEERXSA-N"),
    ("DB00958", "APRD00580", "Carboplatin", "41575-94-4", "BG3F62OND5", "Carboplatine | Carboplatino | CBDCA", "OLESAACUTLOWQZ-UHFFFAOYSA-L"),
    ("DB00997", "APRD00228", "Doxorubicin", "23214-92-8", "80168379AG", "Adriamycin | Doxorubicin | Hydroxydaunorubicin", "AOJJSUZBOXZQNB-TZSSRYMLSA-N"),
    ("DB01101", "APRD00869", "Capecitabine", "154361-50-9", "6804DJ8Z9U", "Capecitabina | Capecitabine | Capecitabinum", "GAGWJHPBXLXJQN-UORFTKCHSA-N"),
    ("DB00322", "APRD00419", "Floxuridine", "50-91-9", "039LU44I5M", "5-Fluorodeoxyuridine | 5-Fluorouracil deoxyriboside | FdU | Floxuridine", "ODKNJVUHOIMIIZ-RRKCRQDMSA-N"),
]


def csv_field(v):
    return '"' + v.replace('"', '""') + '"' if ("," in v or '"' in v) else v


put("drugs/drugbank_vocabulary.csv",
    "DrugBank ID,Accession Numbers,Common name,CAS,UNII,Synonyms,Standard InChI Key\n"
    + "".join(",".join(csv_field(x) for x in row) + "\n" for row in VOCABULARY))

target_rows = ["ID,Name,Gene Name,GenBank Protein ID,GenBank Gene ID,UniProt ID,Uniprot Title,PDB ID,GeneCard ID,GenAtlas ID,HGNC ID,Species,Drug IDs"]
for gene, title, drugs in [("TYMS", "Thymidylate synthase", "DB00544; DB00441; DB00322"), ("TF", "Serotransferrin", "DB00515"),
                           ("MPG", "DNA-3-methyladenine glycosylase", "DB00515"), ("A2M", "Alpha-2-macroglobulin", "DB00515"),
                           ("ATOX1", "Copper transport protein ATOX1", "DB00515"), ("TOP1", "DNA topoisomerase 1", "DB00762"),
                           ("TOP1MT", "DNA topoisomerase I, mitochondrial", "DB00762"), ("DHFR", "Dihydrofolate reductase", "DB00563"),
                           ("EGFR", "Epidermal growth factor receptor", "DB00002"), ("RRM1", "Ribonucleoside-diphosphate reductase large subunit", "DB00441")]:
    acc = rng.choice("OPQ") + str(rng.randint(10000, 99999))
    target_rows.append(",".join([acc, csv_field(title), gene, str(rng.randint(100000, 999999)), f"X{rng.randint(10000, 99999)}", acc,
                                 f"{gene}_HUMAN", '""', "", gene, f"HGNC:{rng.randint(1000, 20000)}", "Humans", drugs]))
target_rows.append(",".join(["Q99001", "Penicillin-binding protein 2", "pbpA", "1574687", "L42023", "Q99001", "PBPA_HAEIN", '""', "", "", "",
                             csv_field("Haemophilus influenzae (strain ATCC 51907 / DSM 11121 / KW20 / Rd)"), "DB00303"]))
put("drugs/drugbank_all_target_polypeptide_ids_20181113_all.csv", "\n".join(target_rows) + "\n")

ens_rows = [["Gene stable ID", "Gene name"]] + [[ensembl[g], g] for g in universe]
ens_rows.insert(40, [ensembl[universe[3]], universe[4]])  # one Ensembl id listed twice with another symbol (first kept)
ens_rows.append([f"ENSG00000{rng.randint(100000, 999999)}", ""])  # and one without a symbol
put("drugs/ENSG_GENESYMBOL_biomart_20170731.txt", tsv(ens_rows))

# The authors' z table: every pathway x the drug columns of their table (pooled drugs joined by '_', AICAR by its
# chemical name). The study drugs' proximal sets are fixed here; other columns are noise with a few proximal rows.
AUTHORS_COLUMNS = ["AICA RIBONUCLEOTIDE", "BMS-536924", "CISPLATIN", "DOCETAXEL_PACLITAXEL", "FLUOROURACIL", "GEMCITABINE",
                   "IRINOTECAN", "LINSITINIB", "METHOTREXATE", "NAVITOCLAX", "NILOTINIB", "SELUMETINIB_TRAMETINIB", "TALAZOPARIB_VELIPARIB"]
AUTHORS_PROXIMAL = {
    "FLUOROURACIL": [BH3, "REACTOME_INTRINSIC_PATHWAY_FOR_APOPTOSIS", "REACTOME_APOPTOTIC_EXECUTION_PHASE", "REACTOME_APOPTOSIS",
                     "REACTOME_PYRIMIDINE_METABOLISM", "REACTOME_METABOLISM_OF_FOLATE_AND_PTERINES", "REACTOME_G1_S_SPECIFIC_TRANSCRIPTION",
                     "REACTOME_E2F_MEDIATED_REGULATION_OF_DNA_REPLICATION", ELONGATION, "REACTOME_P53_DEPENDENT_G1_DNA_DAMAGE_RESPONSE",
                     "REACTOME_PI3K_AKT_ACTIVATION", "REACTOME_MAPK_TARGETS_NUCLEAR_EVENTS_MEDIATED_BY_MAP_KINASES", BER,
                     "REACTOME_DNA_REPAIR", "REACTOME_MITOTIC_PROMETAPHASE", "REACTOME_TCF_DEPENDENT_SIGNALING_IN_RESPONSE_TO_WNT",
                     "REACTOME_GLYCOLYSIS", "REACTOME_CHOLESTEROL_BIOSYNTHESIS"],
    "CISPLATIN": [BER, "REACTOME_DNA_REPAIR", "REACTOME_FANCONI_ANEMIA_PATHWAY", "REACTOME_NUCLEOTIDE_EXCISION_REPAIR",
                  "REACTOME_PLATELET_DEGRANULATION", "REACTOME_RESPONSE_TO_ELEVATED_PLATELET_CYTOSOLIC_CA2_",
                  "REACTOME_TRANSFERRIN_ENDOCYTOSIS_AND_RECYCLING", "REACTOME_IRON_UPTAKE_AND_TRANSPORT",
                  "REACTOME_ION_TRANSPORT_BY_P_TYPE_ATPASES", "REACTOME_METAL_ION_SLC_TRANSPORTERS",
                  "REACTOME_P53_DEPENDENT_G1_DNA_DAMAGE_RESPONSE"],
    "IRINOTECAN": [ELONGATION, "REACTOME_E2F_MEDIATED_REGULATION_OF_DNA_REPLICATION", "REACTOME_G1_S_SPECIFIC_TRANSCRIPTION",
                   "REACTOME_NUCLEOTIDE_EXCISION_REPAIR", "REACTOME_MITOTIC_PROMETAPHASE", "REACTOME_DNA_REPAIR",
                   "REACTOME_FANCONI_ANEMIA_PATHWAY", "REACTOME_APOPTOSIS", "REACTOME_PYRIMIDINE_METABOLISM"],
}
z_rows = [["Pathway"] + AUTHORS_COLUMNS]
authors_z = {}
for name in gmt_order:  # the authors' table keeps the GMT's pathway order
    row = [name]
    for column in AUTHORS_COLUMNS:
        if column in AUTHORS_PROXIMAL:
            z = rng.uniform(-3.6, -1.35) if name in AUTHORS_PROXIMAL[column] else rng.uniform(-1.15, 3.2)
        else:
            z = rng.uniform(-2.5, -1.3) if rng.random() < 0.15 else rng.uniform(-1.2, 3.5)
        authors_z[(name, column)] = z
        row.append(f"{z:.12g}")
    z_rows.append(row)
put("network/coad_blca_organoid_drugs_zscore_result_reactome.txt", tsv(z_rows))


# ----------------------------------------------------------------------------------------------------------------
# Interactomes. STRING-like: gene symbols, one row per undirected edge (upper triangle), weight 700-999. Pathway genes
# are wired as modules, with random cross-links and a few hubs, so shortest paths follow pathways; two tiny components
# lie outside the largest one. Menche-like: Entrez IDs in SIF ('A 1 B'), part of the STRING edges rewired, self-loops,
# reversed duplicates and a few IDs the Entrez map does not know.
# ----------------------------------------------------------------------------------------------------------------
not_in_network = set(rng.sample([x for x in filler_pool if x not in ("TYMS", "TOP1", "ATOX1", "TF", "MPG", "A2M", "TOP1MT")], 18))
network_genes = [g for g in universe if g not in not_in_network]
in_network = set(network_genes)
edges = set()


def link(a, b, into):
    if a != b and a in in_network and b in in_network:
        into.add((min(a, b), max(a, b)))


for name in pathway_names:
    members = [g for g in pathways[name] if g in in_network]
    for i, g in enumerate(members):
        link(g, members[(i + 1) % len(members)], edges)  # a ring through the pathway
        for other in rng.sample(members, min(2, len(members))):
            link(g, other, edges)
link("TOP1MT", "TOP1", edges)
for hub in ["TP53", "AKT1", "EGFR", "MYC", "CTNNB1", "GRB2", "UBC"]:
    for other in rng.sample(network_genes, 10):
        link(hub, other, edges)
for _ in range(170):
    a, b = rng.sample(network_genes, 2)
    link(a, b, edges)
island = [("OR2T4", "OR2T33"), ("KRTAP5-1", "KRTAP5-2"), ("KRTAP5-2", "KRTAP5-3")]  # outside the largest component
string_rows = [(a, b, rng.randint(700, 999)) for a, b in sorted(edges, key=lambda e: (e[1], e[0]))]
string_rows += [(a, b, rng.randint(700, 999)) for a, b in island]
put("network/string_v10_notextmining_700_edges.tsv", tsv([["gene_a", "gene_b", "weight"]] + [list(r) for r in string_rows]))

menche = set(e for e in sorted(edges) if rng.random() > 0.2)
for name in pathway_names:
    members = [g for g in pathways[name] if g in in_network]
    for _ in range(max(1, len(members) // 4)):
        link(*rng.sample(members, 2), menche)
unmapped = ["990001", "990002", "990003", "990004"]  # Entrez IDs outside the RNAseqDB map: dropped and counted
sif = [(int(entrez[a]), int(entrez[b])) for a, b in sorted(menche)]
for u in unmapped:
    sif.append((int(u), int(entrez[rng.choice(network_genes)])))
for g in rng.sample(network_genes, 6):
    sif.append((int(entrez[g]), int(entrez[g])))  # self-loops, as the toolbox's file has
for a, b in rng.sample(sorted(menche), 8):
    sif.append((int(entrez[b]), int(entrez[a])))  # the same edge written both ways
sif.sort()
put("network/menche2015_interactome_network.sif", "".join(f"{a} 1 {b}\n" for a, b in sif))


# ----------------------------------------------------------------------------------------------------------------
# TCGA patients. Each patient has latent activities of the three driver pathways (a: BH3, b: base excision repair,
# c: DNA strand elongation), a true expression profile, drug records written in the free-text spellings sites used,
# and a death time: treated with 5-FU, high BH3 activity lowers the hazard (and treated with irinotecan, high
# elongation activity does); cisplatin and untreated patients carry no such effect (the negative controls).
# ----------------------------------------------------------------------------------------------------------------
TSS = {"COAD": ["A6", "AA", "AZ", "CM", "D5", "F4", "G4", "QG", "3L", "4N", "5M", "NH", "CK", "DM", "AD"],
       "READ": ["AF", "AG", "AH", "CI", "DC", "EI", "F5", "G5"],
       "BLCA": ["BL", "BT", "DK", "E7", "FD", "GC", "GD", "GV", "XF", "YC", "ZF", "2F", "4Z", "FJ", "K4"],
       "ACC": ["OR"], "BRCA": ["A2", "BH"], "LIHC": ["DD", "ED"]}
taken = set()


def new_patient(project):
    while True:
        code = "Z" + "".join(rng.choice("ABCDEFGHJKLMNPQRSTUVWXY0123456789") for _ in range(3))
        barcode = f"TCGA-{rng.choice(TSS[project])}-{code}"
        if barcode not in taken:
            taken.add(barcode)
            break
    return {"barcode": barcode, "project": project, "uuid": uid(upper=rng.random() < 0.3), "a": gauss(), "b": gauss(), "c": gauss(),
            "drugs": [], "gdc_file": True, "vital": None, "fu": False, "irino": False}


def add_drug(p, name, therapy="Chemotherapy"):
    start = rng.randint(10, 420)
    end = start + rng.randint(30, 320) if rng.random() < 0.85 else None
    response = rng.choice(["", "", "Complete Response", "Clinical Progressive Disease", "Stable Disease", "Partial Response"])
    p["drugs"].append({"name": name, "type": therapy, "start": start, "end": end, "response": response})


FU_SPELLINGS = ["5-FU", "5 FU", "Fluorouracil", "5-Fluorouracil", "fluorouracil", "5FU", "5-FU and Leucovorin", "Leucovorin and 5-FU"]
FU_EXTENDED_ONLY = ["FOLFOX", "FOLFIRI", "5-FU + Leucovorin", "5-FU/LV", "Leucovorin, 5-FU"]
IRINO_SPELLINGS = ["Irinotecan", "irinotecan", "CPT-11", "Camptosar"]  # 'Camptosar' (a brand name) is not in the vocabulary
OTHER_CRC = ["Xeloda", "Capecitabine", "Oxaliplatin", "Avastin", "Study drug AMG 655", "Erbitux", "[Not Available]", "Leucovorin"]
CIS_SPELLINGS = ["Cisplatin", "cisplatin", "CDDP", "Gemcitabine and Cisplatin", "Cis-DDP", "Cisplatin"]
CIS_EXTENDED_ONLY = ["Gemcitabine/Cisplatin", "Cisplatin + Gemcitabine", "cisplatin, gemcitabine"]
OTHER_BLCA = ["Gemzar", "Carboplatin", "MVAC", "BCG", "Methotrexate", "Vinblastine", "Adriamycin (doxorubicin)", "Gemcitabine", "Taxol"]

coad = [new_patient("COAD") for _ in range(64)]
for i, p in enumerate(coad):
    if i < 32:
        p["fu"] = True
        add_drug(p, FU_SPELLINGS[i % len(FU_SPELLINGS)])
        if i % 3 == 0:
            add_drug(p, "Oxaliplatin")
        if i < 12:
            p["irino"] = True
            add_drug(p, IRINO_SPELLINGS[i % 4])
    elif i < 37:
        p["fu"] = True
        add_drug(p, FU_EXTENDED_ONLY[i - 32])
        p["irino"] = FU_EXTENDED_ONLY[i - 32] == "FOLFIRI"
    elif i < 41:
        p["irino"] = True
        add_drug(p, ["Irinotecan", "irinotecan", "CPT-11", "Irinotecan"][i - 37])
        if i == 38:
            add_drug(p, "Avastin", "Targeted Molecular therapy")
    elif i < 55:
        add_drug(p, OTHER_CRC[(i - 41) % len(OTHER_CRC)], "Chemotherapy" if i % 5 else "Other, specify in notes")
coad[28]["gdc_file"] = coad[29]["gdc_file"] = coad[62]["gdc_file"] = False
coad[30]["vital"] = "[Discrepancy]"
coad[31]["vital"] = "alive-no-days"
coad[63]["vital"] = "[Not Available]"
drug_only = new_patient("COAD")  # a drug record whose patient is missing from the patient table
drug_only["fu"] = True
add_drug(drug_only, "5-FU")

read = [new_patient("READ") for _ in range(24)]
for i, p in enumerate(read):
    if i < 14:
        p["fu"] = True
        add_drug(p, FU_SPELLINGS[(i + 3) % len(FU_SPELLINGS)])
    elif i < 16:
        p["fu"] = True
        add_drug(p, ["FOLFOX", "5-FU/LV"][i - 14])
    elif i < 22:
        add_drug(p, OTHER_CRC[i % 4])

blca = [new_patient("BLCA") for _ in range(70)]
for i, p in enumerate(blca):
    if i < 30:
        add_drug(p, CIS_SPELLINGS[i % len(CIS_SPELLINGS)])
        if i % 2 == 0:
            add_drug(p, rng.choice(["Gemcitabine", "Gemzar", "gemcitabine"]))
    elif i < 33:
        add_drug(p, CIS_EXTENDED_ONLY[i - 30])
    elif i < 46:
        add_drug(p, OTHER_BLCA[(i - 33) % len(OTHER_BLCA)], "Immunotherapy" if OTHER_BLCA[(i - 33) % len(OTHER_BLCA)] == "BCG" else "Chemotherapy")
blca_no_record = blca[46:]

others = [new_patient("ACC"), new_patient("ACC"), new_patient("BRCA"), new_patient("BRCA"), new_patient("LIHC"), new_patient("LIHC")]

# Death and censoring. C: follow-up at the authors' time (biotab, GDC); C2: TCGA-CDR's newer follow-up.
for p in coad + read + [drug_only] + blca + others:
    eta = 0.0
    if p["fu"]:
        eta -= 0.9 * p["a"]
    if p["irino"]:
        eta -= 0.6 * p["c"]
    rate = (1 / 1300 if p["project"] == "BLCA" else 1 / 1800) * math.exp(eta)
    p["T"] = rng.expovariate(rate)
    p["C"] = rng.uniform(20, 1900) if p["project"] == "BLCA" else rng.uniform(40, 2600)
    p["C2"] = p["C"] + (rng.uniform(0, 700) if p["project"] != "BLCA" else 0.0)
for i in (3, 14, 27, 40):
    blca[i]["C2"] = blca[i]["C"] + rng.uniform(100, 500)  # the few BLCA patients whose CDR follow-up is newer


def outcome(p, censor):
    return (int(round(min(p["T"], censor))), p["T"] < censor)


# ----------------------------------------------------------------------------------------------------------------
# Clinical files.
# ----------------------------------------------------------------------------------------------------------------
def biotab_row(header, values):
    names = header[0]
    row = ["[Not Available]"] * len(names)
    for key, value in values.items():
        row[names.index(key)] = value
    return row


NA = "[Not Available]"
patient_rows = [list(r) for r in BIOTAB_PATIENT_HEADER]
for p in coad:
    days, dead = outcome(p, p["C"])
    vital = "Dead" if dead else "Alive"
    death, contact = (str(days), NA) if dead else ("[Not Applicable]", str(days))
    if p["vital"] == "alive-no-days":
        vital, death, contact = "Alive", "[Not Applicable]", NA
    elif p["vital"] is not None:
        vital = p["vital"]
    patient_rows.append(biotab_row(BIOTAB_PATIENT_HEADER, {
        "bcr_patient_uuid": p["uuid"], "bcr_patient_barcode": p["barcode"], "form_completion_date": f"201{rng.randint(0, 4)}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
        "histologic_diagnosis": rng.choice(["Colon Adenocarcinoma", "Colon Adenocarcinoma", "Colon Mucinous Adenocarcinoma"]),
        "gender": rng.choice(["MALE", "FEMALE"]), "birth_days_to": str(-rng.randint(12000, 32000)), "vital_status": vital,
        "last_contact_days_to": contact, "death_days_to": death, "tumor_status": rng.choice(["TUMOR FREE", "WITH TUMOR", "[Not Available]"]),
        "ajcc_pathologic_tumor_stage": rng.choice(["Stage I", "Stage IIA", "Stage IIIB", "Stage IIIC", "Stage IV"]),
        "age_at_initial_pathologic_diagnosis": str(rng.randint(34, 88))}))
put("tcga/clinical/nationwidechildrens.org_clinical_patient_coad.txt", tsv(patient_rows))

drug_rows = [list(r) for r in BIOTAB_DRUG_HEADER]
biotab_records = []  # (patient, drug name as written) for the cohort check below
coad_with_records = [p for p in coad if p["drugs"]] + [drug_only]
for p in sorted(coad_with_records, key=lambda x: x["barcode"]):
    for d in p["drugs"]:
        ongoing = "YES" if d["end"] is None else rng.choice(["NO", "NO", "[Not Available]"])
        drug_rows.append(biotab_row(BIOTAB_DRUG_HEADER, {
            "bcr_patient_uuid": p["uuid"], "bcr_patient_barcode": p["barcode"], "bcr_drug_barcode": f"{p['barcode']}-D{rng.randint(10000, 99999)}",
            "bcr_drug_uuid": uid(upper=p["uuid"].isupper()), "form_completion_date": f"201{rng.randint(0, 4)}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
            "pharmaceutical_therapy_drug_name": d["name"], "pharmaceutical_therapy_type": d["type"],
            "pharmaceutical_tx_started_days_to": str(d["start"]), "pharmaceutical_tx_ongoing_indicator": ongoing,
            "pharmaceutical_tx_ended_days_to": NA if d["end"] is None else str(d["end"]),
            "treatment_best_response": d["response"] or "[Not Applicable]", "clinical_trial_drug_classification": NA,
            "tx_on_clinical_trial": rng.choice(["NO", "NO", "YES", NA])}))
        biotab_records.append((p["barcode"], d["name"]))
put("tcga/clinical/nationwidechildrens.org_clinical_drug_coad.txt", tsv(drug_rows))


def biolinks_export(patients, rel, repeated_header_at=None):
    """TCGAbiolinks' clinical 'drug' table: empty response cells, NA for missing days, empty rows for missing names."""
    header = ["bcr_patient_barcode", "therapy_types", "drug_name", "measure_of_response", "days_to_drug_therapy_start",
              "days_to_drug_therapy_end", "therapy_ongoing"]
    rows, records = [header], []
    order = list(patients)
    rng.shuffle(order)
    for p in order:
        for d in p["drugs"]:
            name = "" if d["name"] == NA else d["name"]
            rows.append([p["barcode"], d["type"] if name else "", name, d["response"], str(d["start"]) if name else "NA",
                         "NA" if d["end"] is None or not name else str(d["end"]), "YES" if d["end"] is None else "NO"])
            if name:
                records.append((p["barcode"], name))
        if repeated_header_at is not None and len(rows) > repeated_header_at:
            rows.append(header)  # a header row repeated inside the file (a concatenation quirk the reader skips and counts)
            repeated_header_at = None
    put(rel, tsv(rows))
    return records


blca_no_record[0]["drugs"] = [{"name": NA, "type": "", "start": 0, "end": 0, "response": ""}]
biolinks = {"COAD": biolinks_export([p for p in coad if p["drugs"]], "tcga/clinical/tcga.TCGA-COAD.drug.txt"),
            "READ": biolinks_export([p for p in read if p["drugs"]], "tcga/clinical/tcga.TCGA-READ.drug.txt", repeated_header_at=8),
            "BLCA": biolinks_export([p for p in blca if p["drugs"]], "tcga/clinical/tcga.TCGA-BLCA.drug.txt")}
# blca_no_record[0] has an empty record row in the export (no drug name): dropped and counted by the reader.
blca_no_record[0]["drugs"] = []

# GDC file list of the authors' COAD expression files (files API export) and its download manifest.
gdc_cases = [p["uuid"].lower() for p in coad if p["gdc_file"]] + [uid(), uid()]
rng.shuffle(gdc_cases)
files_json, manifest_rows = [], []
for i, case in enumerate(gdc_cases):
    file_id, file_uuid = uid(), uid()
    entry = {"file_name": f"{file_uuid}.FPKM-UQ.txt.gz", "data_format": "TXT", "access": "open", "data_category": "Transcriptome Profiling",
             "file_size": rng.randint(480000, 520000), "cases": [{"project": {"project_id": "TCGA-COAD"}, "case_id": case}]}
    if i in (5, 17):
        entry["annotations"] = [{"annotation_id": uid()}]
    files_json.append(json.dumps(entry, indent=2, separators=(", ", ": ")))
    manifest_rows.append([file_id, f"{file_id}/{entry['file_name']}", f"{rng.getrandbits(128):032x}", str(entry["file_size"]), "validated"])
put("tcga/clinical/files.20190910_COAD_FPKM_UQ.json", "[" + ",".join(files_json) + "]", final_newline=False)
manifest_rows.sort()
manifest_rows += [["\\N", f"{uid()}/annotations.txt", f"{rng.getrandbits(128):032x}", str(rng.randint(250, 900)), "\\N"] for _ in range(3)]
put("tcga/clinical/gdc_manifest_COAD_FPKM_UQ_20190910.txt", tsv([["id", "filename", "md5", "size", "state"]] + manifest_rows).rstrip("\n"), final_newline=False)

# GDC survival endpoint: every project, one row per case, sorted by time, with the Kaplan-Meier estimate of the file.
gdc = []
for p in blca:
    if p is blca[7]:
        continue  # a treated BLCA patient without GDC survival
    days, dead = outcome(p, p["C"])
    gdc.append((p, days, dead))
dup = blca[12]
gdc.append((dup, outcome(dup, dup["C"])[0] + 35, False))  # the same patient twice: the reader keeps the first row
for p in rng.sample(coad, 10) + others:
    days, dead = outcome(p, p["C"])
    gdc.append((p, days, dead))
gdc.append(({"barcode": "TARGET-20-PAZQXK", "project": "TARGET-AML"}, rng.randint(5, 900), True))
gdc.append(({"barcode": "TARGET-20-PAZRBT", "project": "TARGET-AML"}, rng.randint(5, 900), False))
gdc.sort(key=lambda x: (x[1], x[0]["barcode"]))
gdc_rows, at_risk, estimate = [["id", "project_id", "censored", "time", "survivalEstimate", "submitter_id"]], len(gdc), 1.0
for p, days, dead in gdc:
    if dead:
        estimate *= 1 - 1 / at_risk
    at_risk -= 1
    project = p["project"] if p["project"].startswith("TARGET") else "TCGA-" + p["project"]
    gdc_rows.append([uid(), project, "FALSE" if dead else "TRUE", str(days), "1" if estimate == 1 else f"{estimate:.9g}", p["barcode"]])
put("tcga/clinical/gdc_OverallSurvivalTime.txt", tsv(gdc_rows))

# TCGA-CDR: OS, DSS, DFI, PFI in days; blank where unknown; Redaction column.
cdr = []
for p in coad + read + blca + others:
    if p is coad[50] or p is read[4] or p is blca[19]:
        continue  # absent from the CDR
    days, dead = outcome(p, p["C2"])
    os_time = "" if p is coad[10] or p is blca_no_record[3] else str(days)  # OS known, time missing: dropped and counted by the reader
    dss = ("1" if dead and rng.random() < 0.8 else "0") if rng.random() < 0.9 else ""
    dfi = rng.choice(["", "0", "1"])
    cdr.append([p["project"], p["barcode"], "1" if dead else "0", os_time, dss, os_time, dfi, str(rng.randint(30, max(31, days))) if dfi else "",
                "1" if dead else rng.choice(["0", "1"]), str(rng.randint(20, max(21, days))), "Redacted" if p is others[3] else ""])
cdr.sort(key=lambda r: (r[0], r[1]))
put("tcga/clinical/tcga_cdr_survival.tsv", tsv([["cancer", "tcga_id", "OS", "OS_time", "DSS", "DSS_time", "DFI", "DFI_time", "PFI", "PFI_time", "Redaction"]] + cdr))

# RECIST-like drug responses (not used by the paper; read by the inventory).
drugbank_id = {"5-FU": "DB00544", "Fluorouracil": "DB00544", "Cisplatin": "DB00515", "Oxaliplatin": "DB00526", "Gemcitabine": "DB00441", "Irinotecan": "DB00762"}
recist = [["cancers", "patient.arr", "drug.name", "drug.id", "response", "start.time", "end.time", "pathological_time", "procurement_method",
           "procurement_time", "nte_time", "nte_pharm", "nte_surgery"]]
for p in coad[:8] + blca[:8]:
    for d in p["drugs"]:
        if d["name"] in drugbank_id:
            recist.append([p["project"], p["barcode"], d["name"], drugbank_id[d["name"]],
                           rng.choice(["Complete Response", "Clinical Progressive Disease", "Stable Disease", "Partial Response"]),
                           str(d["start"]), "NA" if d["end"] is None else str(d["end"]), "0", rng.choice(["Surgical Resection", "Biopsy"]),
                           str(rng.randint(0, 20)), str(rng.randint(30, 900)), rng.choice(["YES", "NO", "NA"]), rng.choice(["YES", "NO", "NA"])])
put("tcga/clinical/tcga_drug_response_recist.tsv", tsv(recist))


# ----------------------------------------------------------------------------------------------------------------
# Patient expression. One true log2 profile per patient; each source is a view of it: Xena (log2(TPM + 0.001) on a
# gene subset in which base excision repair is unscorable, as the real 1,577-gene files lose most pathways), RNAseqDB
# (READ tumours, linear FPKM and expected counts, aliquot barcodes, gzip), Firehose (raw counts by Entrez ID).
# ----------------------------------------------------------------------------------------------------------------
patient_mean = {}
for g in universe:
    patient_mean[g] = rng.uniform(-8, -5) if rng.random() < 0.04 else rng.uniform(-1.5, 9.5)
for g, anti in partner.items():
    patient_mean[anti] = patient_mean[g] + rng.uniform(-0.4, 0.4)
blca_shift = {g: (gauss(0, 1.5) if rng.random() < 0.3 else 0.0) for g in universe}
xena_extra = new_patient("COAD")  # a Xena profile of a patient no clinical table lists
for p in coad + read + blca + [xena_extra]:
    profile = {}
    for g in universe:
        v = patient_mean[g] + (blca_shift[g] if p["project"] == "BLCA" else 0.0) + gauss(0, 0.5)
        for pathway, level in ((BH3, p["a"]), (BER, p["b"]), (ELONGATION, p["c"])):
            if g in driver_genes[pathway]:
                v += level
            elif g in partner_of and partner_of[g] in driver_genes[pathway]:
                v -= level
        profile[g] = v
    p["profile"] = profile

xena_drop = {g for g in pathways[BER] if g not in ("PCNA", "OGG1")} | set(pathways["REACTOME_KERATAN_SULFATE_BIOSYNTHESIS"][2:])
droppable = [g for g in universe if g not in xena_drop and g not in all_driver_genes]
xena_drop |= set(rng.sample(droppable, len(droppable) // 4))
xena_genes = [g for g in universe if g not in xena_drop]
rng.shuffle(xena_genes)


def xena_value(v):
    return "-9.9658" if v < -5 else num(math.log2(2 ** v + 0.001), 4)


def xena_file(rel, patients):
    rows = ["," + ",".join(xena_genes)]
    for p in patients:
        rows.append(p["barcode"] + "," + ",".join(xena_value(p["profile"][g] + gauss(0, 0.1)) for g in xena_genes))
    put(rel, "\n".join(rows) + "\n")


xena_crc = [p for i, p in enumerate(coad) if i not in (3, 9, 15, 21, 44, 60)] + [r for i, r in enumerate(read) if i != 6] + [xena_extra, coad[45]]
rng.shuffle(xena_crc)  # coad[45] is listed twice: the reader drops both rows (which one is the tumour is unknowable)
xena_file("tcga/expression/xena_coadread_log2tpm_1577genes.csv", xena_crc)
xena_bladder = [c for i, c in enumerate(blca[:46]) if i not in (2, 11, 20, 25)] + blca_no_record[:20]
rng.shuffle(xena_bladder)
xena_file("tcga/expression/xena_blca_log2tpm_1577genes.csv", xena_bladder)

# RNAseqDB READ tumours: aliquot barcodes; read[2] has two aliquots (01A kept), read[5] only a 01B vial.
rnaseqdb_samples = []
for i, p in enumerate(read[:16]):
    vial = "B" if i == 5 else "A"
    rnaseqdb_samples.append((p, f"{p['barcode']}-01{vial}-{rng.choice(['11R', '01R', '12R'])}-{rng.choice(['1736', '1830', '1928'])}-07"))
    if i == 2:
        rnaseqdb_samples.append((p, f"{p['barcode']}-01B-21R-1928-07"))
lnc = [(f"RP11-{rng.randint(100, 999)}{rng.choice('ABCDEFGHIJ')}{rng.randint(1, 24)}.{rng.randint(1, 9)}", "0") for _ in range(6)]
shared_entrez = str(rng.randint(100100000, 100999999))
extra_rows = lnc + [("FAM27E2", shared_entrez), ("FAM27E3", shared_entrez)]  # two symbols with one Entrez ID: first kept
rnaseqdb_genes = [(g, entrez[g]) for g in universe] + extra_rows
rng.shuffle(rnaseqdb_genes)
size_factor = {b: rng.uniform(0.8, 1.25) for _, b in rnaseqdb_samples}
noise = {(g, b): gauss(0, 0.12) for g, _ in rnaseqdb_genes for _, b in rnaseqdb_samples}


def read_level(g, p, b):
    if g in p["profile"]:
        return p["profile"][g] + noise[(g, b)]
    return -6.0 if noise[(g, b)] < 0.05 else -1.0 + 10 * noise[(g, b)]


def gz(rel, text, original_name):
    buffer = io.BytesIO()
    with gzip.GzipFile(filename=original_name, mode="wb", fileobj=buffer, mtime=1495686989) as z:
        z.write(text.encode("utf-8"))
    put_bytes(rel, buffer.getvalue())


lines = ["Hugo_Symbol\tEntrez_Gene_Id\t" + "\t".join(b for _, b in rnaseqdb_samples)]
for g, e in rnaseqdb_genes:
    vals = []
    for p, b in rnaseqdb_samples:
        v = read_level(g, p, b)
        vals.append("0" if v < -5 else num(2 ** (v + 2.0) * size_factor[b], 2))
    lines.append(f"{g}\t{e}\t" + "\t".join(vals))
gz("tcga/expression/rnaseqdb_read_tumor_fpkm.txt.gz", "\n".join(lines) + "\n", "read-rsem-fpkm-tcga-t.txt")
count_samples = list(rnaseqdb_samples)
rng.shuffle(count_samples)
width = max(len(e) for _, e in rnaseqdb_genes)
lines = ["Hugo_Symbol\tEntrez_Gene_Id\t" + "\t".join(b for _, b in count_samples)]
for g, e in rnaseqdb_genes:
    vals = []
    for p, b in count_samples:
        v = read_level(g, p, b)
        vals.append("0.00" if v < -5 else f"{2 ** (v + 6.0) * size_factor[b]:.2f}")
    lines.append(f"{g}\t{e.rjust(width)}\t" + "\t".join(vals))  # R's write.table right-aligns the numeric id column
gz("tcga/expression/rnaseqdb_read_tumor_counts.txt.gz", "\n".join(lines) + "\n", "read-rsem-count-tcga-t.txt")

# Firehose CRC subset: raw counts by Entrez ID (a few IDs the RNAseqDB map does not know: dropped and counted).
firehose_patients = coad[:14] + coad[41:47] + read[:8]
firehose_samples = [(p, f"{p['barcode']}-01{'B' if k == 9 else 'A'}-{'01R' if k % 4 == 1 else '11R'}") for k, p in enumerate(firehose_patients)]
firehose_genes = [g for g in universe if rng.random() < 0.9]
firehose_rows = [(entrez[g], g) for g in firehose_genes] + [(str(rng.randint(200000, 299999)), None) for _ in range(4)]
rng.shuffle(firehose_rows)
lines = ["entrez\t" + "\t".join(b for _, b in firehose_samples)]
depth = {b: rng.uniform(0.6, 1.6) for _, b in firehose_samples}
for e, g in firehose_rows:
    vals = []
    for p, b in firehose_samples:
        v = p["profile"][g] + gauss(0, 0.12) if g else rng.uniform(-2, 6)
        vals.append("0" if v < -5 else str(int(round(2 ** (v + 5.0) * depth[b]))))
    lines.append(e + "\t" + "\t".join(vals))
put("tcga/expression/firehose_crc_subset_counts_entrez.tsv", "\n".join(lines) + "\n")
pheno = [["sample", "age", "days_to_death", "days_to_last_followup", "dayst_to_last_known_aliwe", "gender", "MSI", "anatomic_neoplasm_subdivision",
          "anatomic_site", "histological_type", "colon_polyps", "neoadjuvant", "tissue", "platform", "absolute", "CMS.Syn", "Sadanandam.Isella", "ID", "isTrain"]]
for p, b in firehose_samples:
    days, dead = outcome(p, p["C"])
    pheno.append([b, str(rng.randint(35, 88)), str(days) if dead else "NA", "NA" if dead else str(days), "NA", rng.choice(["male", "female"]),
                  rng.choice(["MSS", "MSI-H", "MSI-L", "INDETERMINATE"]), rng.choice(["ascending colon", "sigmoid colon", "rectum", "cecum"]), "NA",
                  "colon adenocarcinoma" if p["project"] == "COAD" else "rectal adenocarcinoma", rng.choice(["no", "yes", "NA"]), "no", "COADREAD",
                  "hiseq", "NA", rng.choice(["CMS1", "CMS2", "CMS3", "CMS4", "NA"]), "NA", b, rng.choice(["TRUE", "FALSE"])])
put("tcga/expression/firehose_crc_subset_pheno.tsv", tsv(pheno))

# Pancreatic organoids (Tiriac 2018): a validation table the pipeline only inventories.
tiriac = [["organoid", "inhibitor", "value"]]
for o in ["hF2", "hF3", "hF23", "hF24", "hM1A", "hT1", "hT2", "hT85"]:
    for drug in ["Gemcitabine", "Paclitaxel", "SN-38", "5-FU", "Oxaliplatin"]:
        tiriac.append([o, drug, repr(rng.uniform(0.3, 0.95))])
put("validation/tiriac2018_organoid_value.tsv", tsv(tiriac))
sample_header = ["project_id", "case_id", "case_submitter_id", "sample_id", "sample_submitter_id", "biospecimen_anatomic_site", "biospecimen_laterality",
                 "catalog_reference", "composition", "current_weight", "days_to_collection", "days_to_sample_procurement", "diagnosis_pathologically_confirmed",
                 "distance_normal_to_tumor", "distributor_reference", "freezing_method", "growth_rate", "initial_weight", "intermediate_dimension", "is_ffpe",
                 "longest_dimension", "method_of_sample_procurement", "oct_embedded", "passage_count", "pathology_report_uuid", "preservation_method",
                 "sample_type", "sample_type_id", "shortest_dimension", "state", "time_between_clamping_and_freezing", "time_between_excision_and_freezing",
                 "tissue_collection_type", "tissue_type", "tumor_code", "tumor_code_id", "tumor_descriptor"]
samples = [sample_header]
for k in range(10):
    row = ["'--"] * len(sample_header)
    row[0:5] = ["ORGANOID-PANCREATIC", uid(), str(rng.randint(1, 120)), uid(), f"S{rng.randint(100, 299)}"]
    row[8], row[26], row[29], row[33] = "3D Organoid", "Next Generation Cancer Model", "released", rng.choice(["Tumor", "Normal"])
    samples.append(row)
put("validation/tiriac2018_sample.tsv", tsv(samples))


# ----------------------------------------------------------------------------------------------------------------
# The authors' gseapy files: their input (the organoid matrix with NAME/DESCRIPTION columns, rows in another order;
# the GMT restricted to the measured genes, one set holding a gene the mirror's GMT lacks) and gseapy 0.9's ssGSEA
# output on it, computed below as gseapy 0.9 does (rank normalisation, weight 0.25, scale, min size 2, NES = ES / range).
# ----------------------------------------------------------------------------------------------------------------
measured = set(organoid_genes)
gseapy_rows = list(organoid_genes)
rng.shuffle(gseapy_rows)
put("reference/authors_gseapy_organoid_crc/gseapy_input_expression.txt",
    tsv([["NAME", "DESCRIPTION"] + EXPRESSED] + [[g, "na"] + [num(organoid_expr[(g, o)], 5) for o in EXPRESSED] for g in gseapy_rows]))
ref_sets = []
for name in gmt_order:
    restricted = [g for g in pathways[name] if g in measured]
    if name == "REACTOME_GLYCOLYSIS":
        extra = sorted(g for g in measured if g not in pathways[name] and g not in all_driver_genes)[7]
        restricted.insert(2, extra)  # the authors' copy of this set has one more measured gene
    if restricted:
        ref_sets.append((name, restricted))
put("reference/authors_gseapy_organoid_crc/gseapy_input_reactome.gmt", "".join(n + "\t" + "\t".join(g) + "\n" for n, g in ref_sets))


def gseapy09_ssgsea(genes, samples, value, sets):
    """gseapy 0.9 ssgsea(sample_norm_method='rank', weighted_score_type=0.25, scale=True, min_size=2): raw ES by (set, sample)."""
    n = len(genes)
    es = {}
    for s in samples:
        order = sorted(range(n), key=lambda i: value[(genes[i], s)])
        ranks = [0.0] * n
        i = 0
        while i < n:
            j = i
            while j + 1 < n and value[(genes[order[j + 1]], s)] == value[(genes[order[i]], s)]:
                j += 1
            for k in range(i, j + 1):
                ranks[order[k]] = (i + j) / 2 + 1
            i = j + 1
        scaled = [r * 10000 / n for r in ranks]
        walk = sorted(range(n), key=lambda i: -scaled[i])
        weights = [abs(scaled[i]) ** 0.25 for i in walk]
        listed = [genes[i] for i in walk]
        for name, members in sets:
            tag = [g in members for g in listed]
            hits = sum(tag)
            norm_tag = 1 / sum(w for w, t in zip(weights, tag) if t)
            norm_miss = 1 / (n - hits)
            running, total = 0.0, 0.0
            for w, t in zip(weights, tag):
                running += w * norm_tag if t else -norm_miss
                total += running / n
            es[(name, s)] = total
    return es


# gseapy reads field 2 as a description: each set loses its first listed gene; then sets of 2..2000 measured genes.
scored_sets = [(n, set(g[1:])) for n, g in ref_sets if 2 <= len([x for x in g[1:] if x in measured]) <= 2000]
raw = gseapy09_ssgsea(organoid_genes, EXPRESSED, organoid_expr, scored_sets)
spread = max(raw.values()) - min(raw.values())
for rel, label, notes, scale in [
        ("reference/authors_gseapy_organoid_crc/gseapy.samples.raw.es.txt", "Term|ES",
         ["# scale the enrichment scores by number of genes in the gene sets",
          "# this normalization has not effects on the final NES, as indicated by Barbie et al., 2009, online methods, pg. 2"], 1.0),
        ("reference/authors_gseapy_organoid_crc/gseapy.samples.normalized.es.txt", "Term|NES",
         ["# normalize enrichment scores by using the entire data set", "# as indicated by Barbie et al., 2009, online methods, pg. 2"], 1 / spread)]:
    body = [[label] + EXPRESSED] + [[n] + [repr(raw[(n, s)] * scale) for s in EXPRESSED] for n in sorted(n for n, _ in scored_sets)]
    put(rel, "\n".join(notes) + "\n" + tsv(body))


# ----------------------------------------------------------------------------------------------------------------
# The world's designed numbers, computed here from the records written above with the study's rules (an independent
# implementation of the cohort joins, in Python), for the end-to-end test to compare with the pipeline's results.
# ----------------------------------------------------------------------------------------------------------------
import re  # noqa: E402  (only needed from here on)


def name_key(s):
    return s.upper().replace("-", "").replace(" ", "")


lookup = {}
for row in VOCABULARY:
    lookup.setdefault(name_key(row[2]), row[2].upper())
for row in VOCABULARY:
    for synonym in row[5].split(" | "):
        lookup.setdefault(name_key(synonym.strip()), row[2].upper())
REGIMENS = {"FOLFOX": ["FLUOROURACIL", "LEUCOVORIN", "OXALIPLATIN"], "FOLFIRI": ["FLUOROURACIL", "LEUCOVORIN", "IRINOTECAN"],
            "FOLFIRINOX": ["FLUOROURACIL", "LEUCOVORIN", "IRINOTECAN", "OXALIPLATIN"], "XELOX": ["CAPECITABINE", "OXALIPLATIN"],
            "CAPOX": ["CAPECITABINE", "OXALIPLATIN"], "FLOX": ["FLUOROURACIL", "LEUCOVORIN", "OXALIPLATIN"]}


def names(text, rule):
    if rule == "authors":
        return {lookup[p] for p in name_key(text).split("AND") if p in lookup}
    pieces = [name_key(x) for x in re.split(r"[+,/;()]", re.sub(r"\bAND\b", "+", text.upper()))]
    out = set()
    for piece in pieces:
        if piece in lookup:
            out.add(lookup[piece])
        elif piece in REGIMENS:
            out.update(REGIMENS[piece])
    return out


def treated(records, drug, rule):
    return {patient for patient, text in records if drug in names(text, rule)}


biotab_survival = {}
for row in patient_rows[3:]:
    status, contact, death = row[patient_rows[0].index("vital_status")], row[patient_rows[0].index("last_contact_days_to")], row[patient_rows[0].index("death_days_to")]
    days = death if status == "Dead" else contact if status == "Alive" else None
    if days is not None and not days.startswith("["):
        biotab_survival[row[1]] = (int(days), status == "Dead")
with_file = {p["barcode"] for p in coad if p["uuid"].lower() in set(gdc_cases)}
gdc_blca = {}
for r in gdc_rows[1:]:
    if r[1] == "TCGA-BLCA" and r[5] not in gdc_blca:
        gdc_blca[r[5]] = (int(r[3]), r[2] == "FALSE")
cdr_by = {}
for r in cdr:
    if r[3] != "":
        cdr_by.setdefault(r[0], {})[r[1]] = (int(r[3]), r[2] == "1")


def survival_of(table, projects):
    out = {}
    for project in projects:
        out.update(table.get(project, {}))
    return out


coad_fu = treated(biotab_records, "FLUOROURACIL", "authors")
coad_fu_ext = treated(biotab_records, "FLUOROURACIL", "extended")
crc_records = biolinks["COAD"] + biolinks["READ"]
cohorts = {
    "coad_5fu": ({p for p in coad_fu if p in biotab_survival and p in with_file}, biotab_survival),
    "coad_untreated_5fu": ({p for p in biotab_survival if p not in coad_fu_ext and p in with_file}, biotab_survival),
    "coadread_5fu": ({p for p in treated(crc_records, "FLUOROURACIL", "authors") if p in survival_of(cdr_by, ["COAD", "READ"])}, survival_of(cdr_by, ["COAD", "READ"])),
    "blca_cisplatin": ({p for p in treated(biolinks["BLCA"], "CISPLATIN", "authors") if p in gdc_blca}, gdc_blca),
    "blca_cisplatin_cdr": ({p for p in treated(biolinks["BLCA"], "CISPLATIN", "authors") if p in cdr_by["BLCA"]}, cdr_by["BLCA"]),
    "blca_untreated_cisplatin": ({p for p in gdc_blca if p not in treated(biolinks["BLCA"], "CISPLATIN", "extended")}, gdc_blca),
    # For the third arm a later task adds (irinotecan, same organoids and COAD records): not in study.json yet.
    "coad_irinotecan": ({p for p in treated(biotab_records, "IRINOTECAN", "authors") if p in biotab_survival and p in with_file}, biotab_survival),
    "coad_untreated_irinotecan": ({p for p in biotab_survival if p not in treated(biotab_records, "IRINOTECAN", "extended") and p in with_file}, biotab_survival),
}
screened_with = {name: {r[0].upper() for r in screen_rows if r[2] == name} for _, name, _, _ in SCREEN_DRUGS}
expected = [("organoids_expressed", len(EXPRESSED), "organoid expression profiles"),
            ("crc_organoids_5fu_n", len(set(EXPRESSED) & screened_with["5-Fluorouracil"]), "expression and a 5-FU IC50"),
            ("crc_organoids_cisplatin_n", len(set(EXPRESSED) & screened_with["Cisplatin"]), "expression and a cisplatin IC50"),
            ("crc_organoids_irinotecan_n", len(set(EXPRESSED) & screened_with["Irinotecan"]), "expression and an irinotecan IC50 (third arm, later)")]
for cohort, (members, survival) in cohorts.items():
    expected.append((f"{cohort}_n", len(members), "patients"))
    expected.append((f"{cohort}_events", sum(1 for m in members if survival[m][1]), "deaths"))
xena_counts = {}
for p in xena_crc:
    xena_counts[p["barcode"]] = xena_counts.get(p["barcode"], 0) + 1
coverage = {"xena_coadread": {b for b, n in xena_counts.items() if n == 1}, "xena_blca": {p["barcode"] for p in xena_bladder},
            "rnaseqdb_read": {p["barcode"] for p, _ in rnaseqdb_samples}, "firehose_crc": {p["barcode"] for p in firehose_patients}}
for cohort, source in [("coad_5fu", "xena_coadread"), ("coad_5fu", "firehose_crc"), ("coad_5fu", "rnaseqdb_read"), ("coadread_5fu", "rnaseqdb_read"),
                       ("blca_cisplatin", "xena_blca"), ("coad_untreated_5fu", "xena_coadread"), ("blca_untreated_cisplatin", "xena_blca")]:
    expected.append((f"{cohort}_expr_{source}", len(cohorts[cohort][0] & coverage[source]), f"members with a {source} profile"))
for arm, cohort, source in [("5fu", "coad_5fu", "xena_coadread"), ("cisplatin", "blca_cisplatin", "xena_blca")]:
    members, survival = cohorts[cohort]
    unit = members & coverage[source]
    expected.append((f"main_{arm}_n", len(unit), f"{cohort} x {source}: patients of the main split"))
    expected.append((f"main_{arm}_events", sum(1 for m in unit if survival[m][1]), "deaths in the main split"))
for drug in ["FLUOROURACIL", "CISPLATIN", "IRINOTECAN"]:
    expected.append((f"authors_proximal_{drug}", sum(1 for n in gmt_order if authors_z[(n, drug)] <= -1.2816), "z <= -1.2816 in the authors' table"))


def scored_in_organoids(name):
    restricted = [g for g in pathways[name] if g in measured]
    return len(restricted[1:]) >= 2  # the authors' convention: restrict to measured genes, lose the first, >= 2 left


features_5fu = sum(1 for n in gmt_order if authors_z[(n, "FLUOROURACIL")] <= -1.2816 and scored_in_organoids(n))
expected.append(("features_5fu", features_5fu, "authors-proximal 5-FU pathways with an organoid score (authors' gene-set convention)"))
expected.append(("pathways", len(gmt_order), "gene sets in the GMT"))
expected.append(("organoid_pathways_scored", sum(1 for n in gmt_order if scored_in_organoids(n)), "sets scored on the organoids (authors' convention)"))
expected.append(("top_biomarker_5fu", BH3, "the only pathway whose genes carry the organoids' 5-FU factor"))
expected.append(("top_biomarker_cisplatin", BER, "the only pathway whose genes carry the organoids' cisplatin factor (not scorable in the Xena files)"))

# ----------------------------------------------------------------------------------------------------------------
# The authors' demo outputs (reference/authors_demo_coad_5fu/) in their real formats, numbers invented: the top-k table
# of their multi-pathway script (k = 2..10, three models) and the k = 1 numbers read from their Kaplan-Meier figures.
# (Every draw from here on comes after the ones above, so the files above do not change when this part does.)
# ----------------------------------------------------------------------------------------------------------------
fu_order = [BH3] + [n for n in AUTHORS_PROXIMAL["FLUOROURACIL"] if n != BH3]
topk = [["cancer_type", "drug", "ML", "num_pathways", "pathways", "5yr_responder", "5yr_nonresponder", "pvalue"]]
for model in ["Ridge", "SVR", "LinearRegression"]:
    ranked = [BH3] + rng.sample(fu_order[1:], len(fu_order) - 1)
    for k in range(2, 11):
        topk.append(["coad", "FLUOROURACIL", model, str(k), ";".join(ranked[:k]),
                     repr(rng.uniform(0.55, 0.95)), repr(rng.uniform(0.35, 0.8)), repr(rng.uniform(0.002, 0.95))])
put("reference/authors_demo_coad_5fu/multi_pathway_predictions.txt", tsv(topk))
n_fu = len(cohorts["coad_5fu"][0])
k1 = [["model", "cohort", "biomarker", "n_responders", "n_nonresponders", "events_responders", "events_nonresponders", "logrank_p",
       "surv5_responders", "surv5_nonresponders", "read_from"]]
for model in ["Ridge", "SVR", "LinearRegression"]:
    k1.append([model, f"coad_5fu (TCGA COAD, 5-FU, {n_fu} patients)", BH3, str(n_fu // 2), str(n_fu - n_fu // 2), "1", "5",
               f"{rng.uniform(0.011, 0.099):.3g}", f"{rng.uniform(0.85, 0.99):.3f}", f"{rng.uniform(0.4, 0.7):.3f}",
               f"single_pathway_{model}_coad_FLUOROURACIL_rank_1.eps"])
put("reference/authors_demo_coad_5fu/single_pathway_values_read_from_figures.tsv", tsv(k1))


# ----------------------------------------------------------------------------------------------------------------
# The connected run's origin files (origins/): what the public origins serve (shared/notes/remote-inputs.md), in
# their formats, for this world's genes, patients and organoids. The end-to-end test serves them on 127.0.0.1 at the
# origins' own paths (origins/routes.tsv; the GDC API's files in origins/gdc/catalog.tsv), runs scripts/fetch-inputs
# against them and then the pipeline in connected mode. Routes: STRING v10.5 on its primary host; COAD on Xena's HTSeq
# matrix (the primary route, GENCODE v22 probeMap); BLCA's HTSeq matrix is not served, so its STAR matrix (fallback 1,
# GENCODE v36 probemap with _PAR_Y ids) is used; READ has no Xena matrix, so the GDC API (fallback 2: paged /files,
# /data tar.gz with MANIFEST.txt, one STAR - Counts file per sample) is used; biotabs by file UUID (BLCA drug by a
# /files query); GEO GSE103990 normalised counts + family SOFT; Lee 2018 Table S3 as an xlsx at mmc4.
# ----------------------------------------------------------------------------------------------------------------
ORIGINS = {}                          # path under origins/ -> bytes
ROUTES = [["url", "file", "gzip"]]    # served by the loopback server at the origin's URL (gzip: compressed when served)
GDC_CATALOG = [["file_id", "file_name", "project", "data_format", "workflow", "sample", "fixture"]]  # fixture: path under the world folder


def origin(rel, text, url=None, gzip_it=False):
    ORIGINS[rel] = text.encode("utf-8") if isinstance(text, str) else text
    if url is not None:
        ROUTES.append([url, rel, "yes" if gzip_it else "no"])


def decimal(v, digits):
    """Python's repr of a rounded float, as pandas writes (0.0, 7.123456)."""
    return repr(round(v, digits) + 0.0)


# STRING v10.5: a protein per gene (invented ENSP ids), aliases with the '##' header and multi-source fields; links in
# both orders, space-separated, combined scores 150..999. The >= 700 network is the stand-in's edges plus 'text-mining'
# edges and the genes the stand-in lacks; a second TP53 protein, a protein with no HGNC symbol, a few Ensembl_HGNC-only
# and BLAST-only symbols, and pairs at exactly 700 exercise the converter's rules.
ensp, taken_ensp = {}, set()
for g in universe:
    while True:
        e = f"9606.ENSP00000{rng.randint(200000, 499999)}"
        if e not in taken_ensp:
            taken_ensp.add(e)
            ensp[g] = e
            break
TP53_ISOFORM, NO_SYMBOL = "9606.ENSP00000199999", "9606.ENSP00000999001"
hgnc_only = set(rng.sample([g for g in universe if g not in TARGETS["CISPLATIN"] + TARGETS["FLUOROURACIL"]], 6))
blast_only = set(rng.sample([g for g in universe if g not in hgnc_only and g not in TARGETS["CISPLATIN"] + TARGETS["FLUOROURACIL"]], 2))
alias_rows = []
for g in universe:
    if g in blast_only:
        alias_rows.append((ensp[g], g, "BLAST_UniProt_GN"))
    elif g in hgnc_only:
        alias_rows.append((ensp[g], g, "Ensembl_HGNC Ensembl_UniProt_GN"))
    else:
        alias_rows.append((ensp[g], g, "BLAST_KEGG_NAME BLAST_UniProt_GN BioMart_HUGO Ensembl_EntrezGene Ensembl_HGNC Ensembl_UniProt_GN Ensembl_WikiGene"))
    if g in TARGETS["CISPLATIN"] or g in core[BH3]:
        alias_rows.append((ensp[g], f"{g} protein", "BLAST_UniProt_DE Ensembl_UniProt_DE"))
    alias_rows.append((ensp[g], uniprot.get(g, "Q9" + g[:4]), "BLAST_UniProt_AC Ensembl_UniProt_AC"))
alias_rows.append((TP53_ISOFORM, "TP53", "BioMart_HUGO Ensembl_HGNC"))
alias_rows.append((TP53_ISOFORM, "TP53-002", "Ensembl_HGNC_transcript_name Ensembl_Vega_transcript"))
alias_rows.append((NO_SYMBOL, "Q99Z01", "Ensembl_UniProt_AC"))
alias_rows.append((NO_SYMBOL, "1-@HYPOTHETICAL PROTEIN [*999001]", "Ensembl_MIM_GENE"))
alias_rows.sort(key=lambda r: r[0])
origin("string/9606.protein.aliases.v10.5.txt", "## string_protein_id ## alias ## source ##\n" + "".join(f"{a}\t{b}\t{c}\n" for a, b, c in alias_rows),
       "https://stringdb-static.org/download/protein.aliases.v10.5/9606.protein.aliases.v10.5.txt.gz", gzip_it=True)
links = {}


def string_link(a, b, score):
    if a != b:
        links[(min(a, b), max(a, b))] = score


for a, b in sorted(edges):
    string_link(ensp[a], ensp[b], rng.randint(700, 999))
for _ in range(45):  # text-mining edges the stand-in lacks
    a, b = rng.sample(network_genes, 2)
    string_link(ensp[a], ensp[b], rng.choice([700, rng.randint(700, 999)]))
for g in sorted(not_in_network):  # genes the stand-in lacks, joined to the network
    for other in rng.sample(network_genes, 2):
        string_link(ensp[g], ensp[other], rng.randint(705, 960))
for _ in range(160):  # below the cut-off
    a, b = rng.sample(universe, 2)
    if (min(ensp[a], ensp[b]), max(ensp[a], ensp[b])) not in links:
        string_link(ensp[a], ensp[b], rng.randint(150, 699))
for other in rng.sample(network_genes, 3):
    string_link(TP53_ISOFORM, ensp[other], rng.randint(720, 990))
for other in rng.sample(network_genes, 2):
    string_link(NO_SYMBOL, ensp[other], rng.randint(720, 990))
link_rows = sorted([(a, b, s) for (a, b), s in links.items()] + [(b, a, s) for (a, b), s in links.items()])
origin("string/9606.protein.links.v10.5.txt", "protein1 protein2 combined_score\n" + "".join(f"{a} {b} {s}\n" for a, b, s in link_rows),
       "https://stringdb-static.org/download/protein.links.v10.5/9606.protein.links.v10.5.txt.gz", gzip_it=True)
string105_pairs_kept = sum(1 for s in links.values() if s >= 700)

# Full-transcriptome TCGA expression, log2(FPKM-UQ + 1) of each patient's true profile: versioned Ensembl ids (GENCODE
# v22 for the HTSeq matrix, v36 for STAR), two ids with one symbol (Y_RNA), a pseudoautosomal gene with its _PAR_Y copy
# (v36), an id the probemap does not know; normal -11A samples, a second vial, a patient with a normal sample only.
ver22 = {g: rng.randint(1, 17) for g in universe}
ver36 = {g: ver22[g] + rng.choice([0, 0, 1, 2]) for g in universe}
EXTRA = [("CD99", "ENSG00000002586"), ("Y_RNA", "ENSG00000201317"), ("Y_RNA", "ENSG00000252303")]
extra_level = {ens: rng.uniform(-2, 6) for _, ens in EXTRA}
UNKNOWN_ID = "ENSG00000999994.1"
place = {g: (f"chr{rng.randint(1, 22)}", rng.randint(10000, 240000000), rng.choice("+-")) for g in universe}


def probemap(version):
    rows = ["id\tgene\tchrom\tchromStart\tchromEnd\tstrand"]
    for g in universe:
        chrom, start, strand = place[g]
        rows.append(f"{ensembl[g]}.{version[g]}\t{g}\t{chrom}\t{start}\t{start + rng.randint(900, 90000)}\t{strand}")
    for symbol, ens in EXTRA:
        rows.append(f"{ens}.{1 if symbol == 'Y_RNA' else 20}\t{symbol}\tchr{'X' if symbol == 'CD99' else '1'}\t2691133\t2741309\t+")
        if symbol == "CD99" and version is ver36:
            rows.append(f"{ens}.20_PAR_Y\t{symbol}\tchrY\t2691187\t2741309\t+")
    return "\n".join(rows) + "\n"


def log_fpkm_uq(v):
    return math.log2(2 ** (v + 3.0) + 1)


def sample_profile(p, normal):
    return {g: p["profile"][g] + gauss(0, 0.3 if normal else 0.08) for g in universe}


def xena_matrix(samples, version, par_y):
    """samples: (barcode, profile) in column order; rows in probemap order, values log2(fpkm-uq + 1)."""
    rows = ["Ensembl_ID\t" + "\t".join(b for b, _ in samples)]
    for g in universe:
        rows.append(f"{ensembl[g]}.{version[g]}\t" + "\t".join(decimal(log_fpkm_uq(prof[g]), 4) for _, prof in samples))
    for symbol, ens in EXTRA:
        rows.append(f"{ens}.{1 if symbol == 'Y_RNA' else 20}\t" + "\t".join(decimal(max(0.0, extra_level[ens] + gauss(0, 0.3)), 4) for _ in samples))
        if symbol == "CD99" and par_y:
            rows.append(f"{ens}.20_PAR_Y\t" + "\t".join("0.5" if i == 0 else "0.0" for i in range(len(samples))))
    rows.append(UNKNOWN_ID + "\t" + "\t".join("1.0" for _ in samples))
    return "\n".join(rows) + "\n"


coad_tcga = [p for i, p in enumerate(coad) if i not in (5, 17, 40)]
coad_samples = [(p["barcode"] + "-01A", sample_profile(p, False)) for p in coad_tcga]
coad_samples += [(coad[2]["barcode"] + "-01B", sample_profile(coad[2], False))]
coad_samples += [(p["barcode"] + "-11A", sample_profile(p, True)) for p in coad[:4] + [coad[17]]]
rng.shuffle(coad_samples)
XENA = "https://gdc-hub.s3.us-east-1.amazonaws.com/download/"
origin("xena/TCGA-COAD.htseq_fpkm-uq.tsv", xena_matrix(coad_samples, ver22, par_y=False), XENA + "TCGA-COAD.htseq_fpkm-uq.tsv.gz", gzip_it=True)
origin("xena/gencode.v22.annotation.gene.probeMap", probemap(ver22), XENA + "gencode.v22.annotation.gene.probeMap")
blca_tcga = [p for i, p in enumerate(blca) if i not in (2, 60)]
blca_samples = [(p["barcode"] + "-01A", sample_profile(p, False)) for p in blca_tcga]
blca_samples += [(p["barcode"] + "-11A", sample_profile(p, True)) for p in blca[:3]]
rng.shuffle(blca_samples)
origin("xena/TCGA-BLCA.star_fpkm-uq.tsv", xena_matrix(blca_samples, ver36, par_y=True), XENA + "TCGA-BLCA.star_fpkm-uq.tsv.gz", gzip_it=True)
origin("xena/gencode.v36.annotation.gtf.gene.probemap", probemap(ver36), XENA + "gencode.v36.annotation.gtf.gene.probemap")

# READ: one GDC 'STAR - Counts' file per sample (not gzipped): '# gene-model' line, the four N_* rows, then genes with
# counts, TPM, FPKM and FPKM-UQ (4 decimals). Twelve READ tumours and one normal sample (the GDC lists the others too;
# the world keeps the files few).
read_tcga = [p for i, p in enumerate(read[:13]) if i != 6]
read_files = [(p["barcode"] + "-01A", sample_profile(p, False)) for p in read_tcga] + [(read[0]["barcode"] + "-11A", sample_profile(read[0], True))]
for barcode, prof in read_files:
    file_id = uid()
    name = f"{uid()}.rna_seq.augmented_star_gene_counts.tsv"
    lines = ["# gene-model: GENCODE v36",
             "gene_id\tgene_name\tgene_type\tunstranded\tstranded_first\tstranded_second\ttpm_unstranded\tfpkm_unstranded\tfpkm_uq_unstranded"]
    for n_row in ["N_unmapped", "N_multimapping", "N_noFeature", "N_ambiguous"]:
        a = rng.randint(1000000, 9000000)
        lines.append(f"{n_row}\t\t\t{a}\t{a if n_row in ('N_unmapped', 'N_multimapping') else rng.randint(1000000, 25000000)}\t{rng.randint(1000000, 25000000)}\t\t\t")
    for g in universe:
        uq = 2 ** (prof[g] + 3.0)
        count = int(round(uq * 12))
        lines.append(f"{ensembl[g]}.{ver36[g]}\t{g}\tprotein_coding\t{count}\t{count // 2}\t{count - count // 2}\t{uq * 2.1:.4f}\t{uq * 0.7:.4f}\t{uq:.4f}")
    lines.append(f"ENSG00000002586.20\tCD99\tprotein_coding\t5120\t2600\t2520\t103.2210\t38.9512\t55.2000")
    lines.append(f"ENSG00000002586.20_PAR_Y\tCD99\tprotein_coding\t0\t0\t0\t0.0000\t0.0000\t0.0000")
    rel = f"gdc/star/{name}"
    origin(rel, "\n".join(lines) + "\n")
    GDC_CATALOG.append([file_id, name, "TCGA-READ", "TSV", "STAR - Counts", barcode, "origins/" + rel])

# BCR biotabs as GDC serves them (3 header rows): BLCA drug and patient tables (the paper's BLCA cohort definition),
# READ's, and COAD's (the same bytes as the authors' 2019 copy in the mirror). The BLCA drug table is not the
# TCGAbiolinks export's copy: one cisplatin record is missing and one patient the export lists without records has one.
def biotab_patients(patients, blank=()):
    rows = [list(r) for r in BIOTAB_PATIENT_HEADER]
    for p in patients:
        days, dead = outcome(p, p["C"])
        vital = "Dead" if dead else "Alive"
        death, contact = (str(days), NA) if dead else ("[Not Applicable]", str(days))
        if p["barcode"] in blank:
            vital = "[Not Available]"
        rows.append(biotab_row(BIOTAB_PATIENT_HEADER, {
            "bcr_patient_uuid": p["uuid"].upper(), "bcr_patient_barcode": p["barcode"], "form_completion_date": f"201{rng.randint(2, 6)}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
            "gender": rng.choice(["MALE", "FEMALE"]), "vital_status": vital, "last_contact_days_to": contact, "death_days_to": death,
            "age_at_initial_pathologic_diagnosis": str(rng.randint(40, 90))}))
    return tsv(rows)


def biotab_drugs(records):
    rows = [list(r) for r in BIOTAB_DRUG_HEADER]
    for p, d in records:
        rows.append(biotab_row(BIOTAB_DRUG_HEADER, {
            "bcr_patient_uuid": p["uuid"].upper(), "bcr_patient_barcode": p["barcode"], "bcr_drug_barcode": f"{p['barcode']}-D{rng.randint(10000, 99999)}",
            "bcr_drug_uuid": uid(upper=True), "form_completion_date": f"201{rng.randint(2, 6)}-{rng.randint(1, 12)}-{rng.randint(1, 28)}",
            "pharmaceutical_therapy_drug_name": d["name"], "pharmaceutical_therapy_type": d["type"] or "Chemotherapy",
            "pharmaceutical_tx_started_days_to": str(d["start"]), "pharmaceutical_tx_ongoing_indicator": "YES" if d["end"] is None else "NO",
            "pharmaceutical_tx_ended_days_to": NA if d["end"] is None else str(d["end"]), "treatment_best_response": d["response"] or "[Not Applicable]"}))
    return tsv(rows)


blca_biotab_records = [(p, d) for p in blca for d in p["drugs"] if not (p is blca[4] and d is p["drugs"][0])]
blca_biotab_records.append((blca_no_record[5], {"name": "Cisplatin", "type": "Chemotherapy", "start": 40, "end": 160, "response": ""}))
blca_biotab_records.sort(key=lambda r: r[0]["barcode"])
read_biotab_records = sorted([(p, d) for p in read for d in p["drugs"]], key=lambda r: r[0]["barcode"])
BIOTABS = [  # (file id, project, name, text)
    ("eaa71705-960a-4abd-b5d7-f5fdc0d0c5af", "TCGA-BLCA", "nationwidechildrens.org_clinical_patient_blca.txt", biotab_patients(blca, blank={blca[9]["barcode"]})),
    (uid(), "TCGA-BLCA", "nationwidechildrens.org_clinical_drug_blca.txt", biotab_drugs(blca_biotab_records)),
    ("a4e80133-a7b1-4adc-8c69-1178c1871c78", "TCGA-READ", "nationwidechildrens.org_clinical_patient_read.txt", biotab_patients(read)),
    ("4bab4ce6-239f-468d-8bbb-1cb69532f85a", "TCGA-READ", "nationwidechildrens.org_clinical_drug_read.txt", biotab_drugs(read_biotab_records)),
    ("4060482f-eedf-4959-97f1-f8b6c529c368", "TCGA-COAD", "nationwidechildrens.org_clinical_patient_coad.txt", None),
    ("dae92461-d098-40a3-997e-1a2d3e5b8dfe", "TCGA-COAD", "nationwidechildrens.org_clinical_drug_coad.txt", None),
]
for file_id, project, name, text in BIOTABS:
    if text is None:  # COAD: the same bytes as the mirror's copy, served from there
        GDC_CATALOG.append([file_id, name, project, "BCR Biotab", "", "", f"mirror/tcga/clinical/{name}"])
        continue
    origin(f"gdc/biotab/{name}", text)
    GDC_CATALOG.append([file_id, name, project, "BCR Biotab", "", "", f"origins/gdc/biotab/{name}"])

# Lee 2018 bladder organoids: GEO GSE103990's normalised counts (empty first header cell, MS... RNA ids, ENSG_SYMBOL
# rows, linear values) with the family SOFT that maps RNA ids to lines (SCBO-5_orgP10; a tumour-tissue sample, a
# sample without counts), and Table S3 (title row, header, two replicates per line and drug, a row without a drug
# name, an NA log IC50). Each line has a cisplatin factor: the base excision repair genes rise with it (partners fall)
# and so does the cisplatin AUC, as in the CRC organoids' ln IC50.
BLADDER_LINES = ["SCBO-1", "SCBO-2", "SCBO-3.2", "SCBO-4", "SCBO-5", "SCBO-6", "SCBO-7", "SCBO-8", "SCBO-9", "SCBO-10", "SCBO-11", "SCBO-12"]
bladder_factor = {line: gauss() for line in BLADDER_LINES + ["SCBO-14"]}
bladder_mean = {g: rng.uniform(5.5, 13.0) for g in universe}
for g, anti in partner.items():
    bladder_mean[anti] = bladder_mean[g] + rng.uniform(-0.4, 0.4)
not_in_bladder = set(rng.sample([g for g in filler_pool if g not in all_driver_genes], 8))
bladder_genes = [g for g in universe if g not in not_in_bladder]
bladder_samples = []  # (RNA id, title, line or None)
for k, line in enumerate(BLADDER_LINES):
    for passage in ([3, 9] if line in ("SCBO-5", "SCBO-9") else [rng.randint(1, 14)]):
        bladder_samples.append((f"MS0{100 + len(bladder_samples)}{'AB'[k % 2]}", f"{line}_orgP{passage}", line))
bladder_samples.append(("MS0190", "SCBO-5_tumor", None))
rng.shuffle(bladder_samples)
counts_rows = ["\t" + "\t".join(ms for ms, _, _ in bladder_samples)]
for g in bladder_genes:
    vals = []
    for ms, _, line in bladder_samples:
        v = bladder_mean[g] + gauss(0, 0.25)
        if line is not None:
            f = bladder_factor[line]
            if g in driver_genes[BER]:
                v += 1.6 * f
            elif g in partner_of and partner_of[g] in driver_genes[BER]:
                v -= 1.6 * f
        vals.append(decimal(2 ** v, 2))
    counts_rows.append(f"{ensembl[g]}_{g}\t" + "\t".join(vals))
for ens in ("ENSG00000201317", "ENSG00000252303"):
    counts_rows.append(f"{ens}_Y_RNA\t" + "\t".join(decimal(rng.uniform(0, 30), 2) for _ in bladder_samples))
GEO = "https://ftp.ncbi.nlm.nih.gov/geo/series/GSE103nnn/GSE103990/"
origin("geo/GSE103990_Normalized_counts.txt", "\n".join(counts_rows) + "\n", GEO + "suppl/GSE103990_Normalized_counts.txt.gz", gzip_it=True)
soft = ["^DATABASE = GeoMiame", "!Database_name = Gene Expression Omnibus (GEO)", "!Database_institute = NCBI NLM NIH", "^SERIES = GSE103990",
        "!Series_title = Tumor evolution and drug response in patient-derived organoid models of bladder cancer", "!Series_geo_accession = GSE103990",
        "^PLATFORM = GPL16791", "!Platform_title = Illumina HiSeq 2500 (Homo sapiens)"]
for i, (ms, title, line) in enumerate(sorted(bladder_samples, key=lambda s: s[0]) + [("MS9999", "SCBO-16_orgP2", "SCBO-16")]):
    kind = "organoid" if line is not None else "tumor"
    soft += [f"^SAMPLE = GSM{2787431 + i}", f"!Sample_title = {title}", f"!Sample_geo_accession = GSM{2787431 + i}",
             f"!Sample_source_name_ch1 = bladder cancer {kind}", f"!Sample_description = {kind} RNA-seq", f"!Sample_description = {ms}"]
origin("geo/GSE103990_family.soft", "\n".join(soft) + "\n", GEO + "soft/GSE103990_family.soft.gz", gzip_it=True)
s3 = [["Table S3. Drug Response of Bladder Cancer Organoid Lines, Related to Figure 6"], ["Drug", "Organoid Line", "HillSlope", "LogIC50", "AUC"]]
bladder_auc = {}
for line in [x for x in BLADDER_LINES if x != "SCBO-12"] + ["SCBO-14"]:
    reps = []
    for r in range(2):
        auc = min(0.98, max(0.1, 0.6 + 0.09 * bladder_factor[line] + gauss(0, 0.015)))
        reps.append(auc)
        s3.append(["Cisplatin", line, num(rng.uniform(-2.5, -0.6), 3), "NA" if (line, r) == ("SCBO-7", 1) else num(rng.uniform(0.2, 2.2), 3), num(auc, 4)])
    bladder_auc[line.replace(".", "_")] = sum(reps) / 2
for line in ["SCBO-1", "SCBO-4", "SCBO-8", "SCBO-10"]:
    s3.append(["Gemcitabine", line, num(rng.uniform(-2.5, -0.6), 3), num(rng.uniform(-2.0, 0.5), 3), num(rng.uniform(0.2, 0.7), 4)])
s3.append(["", "SCBO-5", "-1.1", "0.4", "0.55"])
write_xlsx("elsevier/1-s2.0-S0092867418302976-mmc4.xlsx", [("Table S3", s3)], into=ORIGINS)
ROUTES.append(["https://ars.els-cdn.com/content/image/1-s2.0-S0092867418302976-mmc4.xlsx", "elsevier/1-s2.0-S0092867418302976-mmc4.xlsx", "no"])
ROUTES[1:] = sorted(ROUTES[1:])
GDC_CATALOG[1:] = sorted(GDC_CATALOG[1:])

# What a connected run should find, counted here with the study's rules (independently of the pipeline).
biotab_blca_survival = {}
for p in blca:
    if p is not blca[9]:
        days, dead = outcome(p, p["C"])
        biotab_blca_survival[p["barcode"]] = (days, dead)
blca_tumour_profiles = {p["barcode"] for p in blca_tcga}
blca_any_profile = blca_tumour_profiles | {p["barcode"] for p in blca[:3]}
coad_tumour_profiles = {p["barcode"] for p in coad_tcga}
coad_any_profile = coad_tumour_profiles | {p["barcode"] for p in coad[:4] + [coad[17]]}
biotab_cis = treated([(p["barcode"], d["name"]) for p, d in blca_biotab_records], "CISPLATIN", "authors")
cohorts["blca_cisplatin_biotab"] = ({b for b in biotab_cis if b in biotab_blca_survival and b in blca_tumour_profiles}, biotab_blca_survival)
members, survival = cohorts["blca_cisplatin_biotab"]
expected.append(("blca_cisplatin_biotab_n", len(members), "connected run: BLCA biotab cisplatin (authors' rule), biotab survival, a tcga_blca primary tumour"))
expected.append(("blca_cisplatin_biotab_events", sum(1 for m in members if survival[m][1]), "connected run: deaths"))
expected.append(("blca_organoids_cisplatin_n", len({x.replace(".", "_") for x in BLADDER_LINES} & set(bladder_auc)), "connected run: bladder lines with expression and a cisplatin AUC"))
expected.append(("coad_5fu_expr_tcga_coad", len(cohorts["coad_5fu"][0] & coad_any_profile), "connected run: coad_5fu members with a tcga_coad sample"))
expected.append(("blca_cisplatin_expr_tcga_blca", len(cohorts["blca_cisplatin"][0] & blca_any_profile), "connected run: blca_cisplatin members with a tcga_blca sample"))
for arm, cohort, tumours in [("5fu", "coad_5fu", coad_tumour_profiles), ("cisplatin", "blca_cisplatin", blca_tumour_profiles)]:
    members, survival = cohorts[cohort]
    unit = members & tumours
    expected.append((f"connected_main_{arm}_n", len(unit), f"connected run: {cohort} x the full-transcriptome source"))
    expected.append((f"connected_main_{arm}_events", sum(1 for m in unit if survival[m][1]), "connected run: deaths in the main split"))
expected.append(("string105_pairs", string105_pairs_kept, "connected run: STRING v10.5 protein pairs with combined score >= 700 (before mapping to symbols)"))


# ----------------------------------------------------------------------------------------------------------------
# Write: mirror/, config/ (manifest, study, paper values), expected.tsv.
# ----------------------------------------------------------------------------------------------------------------
def read_tsv(path):
    with open(path, encoding="utf-8") as f:
        lines = f.read().rstrip("\n").split("\n")
    header = lines[0].split("\t")
    return header, [dict(zip(header, line.split("\t"))) for line in lines[1:]]


CONTENT = {
    "crc_expression": f"{len(organoid_genes)} genes x {len(EXPRESSED)} organoids, log2 (GEO-derived layout: geneID, uniprotID, organoids)",
    "crc_drug_screen": f"{len(screen_rows)} replicate ln IC50s: {len(SCREENED)} organoids x {len(SCREEN_DRUGS)} drugs (Table S2b layout, CRLF)",
    "crc_median_response": "the 'authors' medians of the replicate ln IC50s",
    "crc_screen_xlsx": "Tables S2a/S2b as a minimal xlsx workbook", "crc_rescreen_xlsx": "a re-screen workbook (three sheets)",
    "blca_organoid_response": "bladder organoid AUCs (CoderData layout)", "blca_organoid_gsm_map": "GEO sample -> bladder organoid line",
    "string_network": f"{len(string_rows)} edges on gene symbols (gene_a, gene_b, weight); two small components outside the largest",
    "menche_network": f"{len(sif)} SIF lines on Entrez IDs, self-loops and reversed duplicates included",
    "authors_proximity_z": f"{len(gmt_order)} pathways x {len(AUTHORS_COLUMNS)} drug columns of proximity z",
    "reactome_gmt": f"{len(gmt_order)} Reactome-named sets, NAME<TAB>gene... (no description column)",
    "drug_targets": f"{len(DRUG_TARGET_ROWS)} drug rows -> targets (CRLF)", "drugbank_targets": "target polypeptides with DrugBank ids",
    "drugbank_vocabulary": f"{len(VOCABULARY)} DrugBank drugs with common names and synonyms", "ensembl_symbols": "Ensembl id -> symbol (invented ids)",
    "coad_biotab_drug": "COAD drug records (BCR biotab, 3 header rows)", "coad_biotab_patient": f"{len(coad)} COAD patients (BCR biotab, 3 header rows)",
    "coad_gdc_files": f"{len(gdc_cases)} GDC FPKM-UQ file entries (files API JSON)", "coad_gdc_manifest": "GDC download manifest of those files",
    "blca_drug": "BLCA drug records (TCGAbiolinks export)", "coad_drug": "COAD drug records (TCGAbiolinks export)",
    "read_drug": "READ drug records (TCGAbiolinks export, one repeated header row)", "gdc_survival": "GDC overall-survival endpoint, several projects",
    "tcga_cdr_survival": "TCGA-CDR survival (OS, DSS, DFI, PFI)", "tcga_recist": "drug records with RECIST-like responses",
    "xena_coadread": f"{len(xena_crc)} rows x {len(xena_genes)} genes, log2(TPM + 0.001) (one patient listed twice)",
    "xena_blca": f"{len(xena_bladder)} rows x {len(xena_genes)} genes, log2(TPM + 0.001)",
    "rnaseqdb_read_fpkm": f"{len(rnaseqdb_genes)} genes x {len(rnaseqdb_samples)} READ aliquots, linear FPKM (gzip)",
    "rnaseqdb_read_counts": "the same READ aliquots, expected counts (gzip)",
    "firehose_crc_counts": f"{len(firehose_rows)} Entrez genes x {len(firehose_samples)} CRC samples, raw counts",
    "firehose_crc_pheno": "phenotype table of those samples",
    "ref_gseapy_expression": "gseapy input: the organoid matrix (NAME, DESCRIPTION, organoids)", "ref_gseapy_gmt": "gseapy input GMT (sets restricted to measured genes)",
    "ref_gseapy_raw_es": "gseapy 0.9 raw ES of the fixture organoids", "ref_gseapy_nes": "gseapy 0.9 normalized ES of the fixture organoids",
    "tiriac_response": "pancreatic organoid AUCs", "tiriac_samples": "GDC sample sheet of those organoids",
    "authors_demo_topk": "the 'authors' top-k table (k = 2..10, three models; invented numbers)",
    "authors_demo_k1_values": "the k = 1 numbers 'read from the authors' figures' (invented)",
}
header, manifest = read_tsv(os.path.join(REPO, "data", "manifest.tsv"))
out_rows, not_written = [header], []  # every input of data/manifest.tsv has its fixture file: the world omits none
for row in manifest:
    if row["fetch"] in ("not-available", "connected"):
        # Connected inputs stay connected: the world's origins/ serve them to scripts/fetch-inputs in the end-to-end test.
        out_rows.append([row[c] for c in header])
        continue
    if row["file"] not in WRITTEN:
        not_written.append(row["id"])
        continue
    data = WRITTEN[row["file"]]
    row = dict(row, sha256=sha256(data), bytes=str(len(data)), fetch="mirror-only",
               origin_url=f"file:tests/OrganoidBiomarkers.Tests/Fixtures/world/mirror/{row['file']}",
               origin=f"hand-made fixture: written by make_world.py (seed {SEED}) in the format of the real input",
               licence="project test data (hand-made; no third-party content)", content="fixture: " + CONTENT[row["id"]])
    out_rows.append([row[c] for c in header])
listed = {r[1] for r in out_rows[1:]}
unlisted = sorted(set(WRITTEN) - listed)
if unlisted or not_written:
    raise SystemExit(f"world and data/manifest.tsv disagree: files without a manifest row {unlisted}; manifest inputs not written {not_written}")

with open(os.path.join(REPO, "data", "study.json"), encoding="utf-8") as f:
    study = json.load(f)
study["name"] = "Fixture world (tests)"
study["citation"] = ("Hand-made fixture world of tests/OrganoidBiomarkers.Tests/Fixtures/world: the names and file formats of "
                     + study["citation"] + "; every value invented")
counts = {q: v for q, v, _ in expected}
for c in study["cohorts"]:
    if "paper_n" in c:
        c["paper_n"] = counts[f"{c['id']}_n"]
for arm in study["arms"]:
    for t in arm["training"]:
        if "paper_n" in t:
            t["paper_n"] = counts[f"{t['organoids']}_organoids_{arm['id']}_n"]

# The drug atlas (notebook 07): a screened drug with a DrugBank name (the authors' rule, else the study's screen alias),
# a drug_drugTarget.txt row and at least ATLAS_MIN_PATIENTS treated patients with survival and a Xena profile in one of
# the atlas' cancers becomes an arm "{label}_{cancer}". The world's cohorts are small, so is its threshold; the counts
# below are this script's own, from its records, for the end-to-end test to compare with.
ATLAS_MIN_PATIENTS = 10
if "atlas" in study:
    study["atlas"]["min_patients"] = ATLAS_MIN_PATIENTS
    aliases = {a["screen_name"]: a["drugbank_name"] for a in study["atlas"]["screen_aliases"]}
    with_targets = set()
    for drugs_cell, _ in DRUG_TARGET_ROWS:
        for d in drugs_cell.split(","):
            with_targets.add(d.strip().upper())
            with_targets.update(names(d.strip(), "authors"))
    atlas_cancers = [("coad", lambda drug: {p for p in treated(biotab_records, drug, "authors") if p in biotab_survival and p in with_file}, coverage["xena_coadread"]),
                     ("blca", lambda drug: {p for p in treated(biolinks["BLCA"], drug, "authors") if p in gdc_blca}, coverage["xena_blca"])]
    study_labels = {a["drug"]["drugbank_name"]: a["drug"]["label"] for a in study["arms"]}
    atlas_arms = []
    for _, screen_name, _, _ in sorted(SCREEN_DRUGS, key=lambda d: d[1]):
        found = names(screen_name, "authors")
        drug = found.pop() if len(found) == 1 else aliases.get(screen_name)
        if drug is None or drug not in with_targets:
            continue
        label = "".join(ch for ch in study_labels.get(drug, drug.lower()).lower() if ch.isalnum())
        for cancer, members, profiled in atlas_cancers:
            n = len(members(drug) & profiled)
            if n >= ATLAS_MIN_PATIENTS:
                atlas_arms.append(f"{label}_{cancer}")
                expected.append((f"atlas_{label}_{cancer}_n", n, f"{drug} in {cancer}: treated, with survival and a Xena profile"))
    expected.append(("atlas_arms", ";".join(sorted(atlas_arms)), f"atlas arms (>= {ATLAS_MIN_PATIENTS} patients), ordinal"))

paper_header, paper = read_tsv(os.path.join(REPO, "data", "paper_values.tsv"))
designed = {"crc_organoids_5fu": counts["crc_organoids_5fu_n"], "coad_5fu_patients": counts["coad_5fu_n"],
            "blca_cisplatin_patients": counts["blca_cisplatin_n"], "top_biomarker_5fu": BH3, "features_5fu": features_5fu}
paper_rows = [paper_header]
for row in paper:
    q = row["quantity"]
    if q in designed:
        paper_rows.append([q, str(designed[q]), "fixture design", "make_world.py", "the value the fixture world was built to have"])
    else:
        paper_rows.append([q, "", "fixture design", "make_world.py", "not fixed by the fixture world's design (the world has no published figure or fitted value)"])

if os.path.isdir(MIRROR):
    for root, dirs, files in os.walk(MIRROR, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
for rel in sorted(WRITTEN):
    path = os.path.join(MIRROR, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(WRITTEN[rel])
os.makedirs(CONFIG, exist_ok=True)
for name, text in [("manifest.tsv", tsv(out_rows)), ("study.json", json.dumps(study, indent=2, ensure_ascii=False) + "\n"), ("paper_values.tsv", tsv(paper_rows))]:
    with open(os.path.join(CONFIG, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
ORIGIN_DIR = os.path.join(HERE, "origins")
if os.path.isdir(ORIGIN_DIR):
    for root, dirs, files in os.walk(ORIGIN_DIR, topdown=False):
        for f in files:
            os.remove(os.path.join(root, f))
        for d in dirs:
            os.rmdir(os.path.join(root, d))
ORIGINS["routes.tsv"] = tsv(ROUTES).encode("utf-8")
ORIGINS["gdc/catalog.tsv"] = tsv(GDC_CATALOG).encode("utf-8")
for rel in sorted(ORIGINS):
    path = os.path.join(ORIGIN_DIR, rel)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(ORIGINS[rel])
with open(os.path.join(HERE, "expected.tsv"), "w", encoding="utf-8", newline="\n") as f:
    f.write(tsv([["quantity", "value", "what"]] + [[q, str(v), w] for q, v, w in expected]))
print(f"wrote {len(WRITTEN)} mirror files ({sum(len(b) for b in WRITTEN.values()):,} bytes), {len(ORIGINS)} origin files "
      f"({sum(len(b) for b in ORIGINS.values()):,} bytes), config/ and expected.tsv")
for q, v, _ in expected:
    print(f"  {q} = {v}")
