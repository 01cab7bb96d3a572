#!/usr/bin/python3
"""A re-implementation of gseapy 0.9.x single-sample GSEA, as the authors ran it:

    gseapy.ssgsea(data, gene_sets, sample_norm_method='rank', permutation_num=0,
                  weighted_score_type=0.25, scale=True, min_size=2, max_size=2000)

gseapy itself cannot be installed on this machine (PyPI is not reachable), so this script follows the 0.9.x source line
by line instead (names in comments are gseapy's):
  - GSEAbase.parse_gmt:   {line.strip().split("\t")[0]: line.strip().split("\t")[2:]}  -> field 1 name, field 2
                          description, genes from field 3; a later duplicate name replaces an earlier one (dict).
  - SingleSampleGSEA.load_data: read_csv(index_col=0), keep numeric columns, drop duplicated index (keep first).
  - SingleSampleGSEA.norm_samples('rank'): dat.rank(axis=0, method='average'); 10000*rank / n_genes.
  - GSEAbase.load_gmt: size = sum(np.in1d(gene_list, set_genes, assume_unique=True)); keep min_size <= size <= max_size.
  - SingleSampleGSEA.runSamples: per sample ser.sort_values(ascending=False) (pandas default kind='quicksort', not
    stable), then enrichment_score_tensor(genes_sorted, cor_vec, gmt, 0.25, nperm=0, single=True, scale=True).
  - algorithm.enrichment_score_tensor: tag = in1d(genes_sorted, set); cor = |cor|;
    rank_alpha = (tag * cor) ** weight; RES = cumsum(rank_alpha / sum(rank_alpha) - (1 - tag) / sum(1 - tag));
    scale: RES /= n_genes; ES = RES.sum().
  - SingleSampleGSEA._save: NES = ES / (ES.max() - ES.min()) over the whole sets x samples matrix; rows = sorted names.

Tie order. Tied genes get equal weights, but whether a tied hit sits before or after a tied miss changes the
running-sum sum, so the ORDER produced by the unstable sort matters. pandas < 1.0 (what gseapy 0.9 ran on in 2019)
sorted descending as  values.argsort(kind='quicksort')[::-1]; pandas >= 1.0 uses nargsort, which reverses the values,
argsorts and reverses back. --tie-order picks one ('pandas0' default, 'pandas1'). numpy's float64 argsort quicksort
is the introsort of npysort/quicksort (no AVX-512 variant on this machine: numpy 1.24 without AVX512F).

Usage: gseapy09_ssgsea.py EXPRESSION.tsv SETS.gmt OUT_PREFIX [--tie-order pandas0|pandas1] [--min-size 2] [--max-size 2000]
  EXPRESSION.tsv: first column gene names, then numeric sample columns (non-numeric columns such as DESCRIPTION
  are dropped as gseapy does). Writes OUT_PREFIX.raw.es.txt and OUT_PREFIX.normalized.es.txt in gseapy's layout,
  with repr() floats (17 significant digits).
"""
import argparse
import numpy as np
import pandas as pd


def parse_gmt(path):
    with open(path) as genesets:
        return {line.strip().split("\t")[0]: line.strip().split("\t")[2:] for line in genesets.readlines()}


def load_data(path):
    rank_metric = pd.read_csv(path, comment='#', index_col=0, sep='\t')
    rank_metric = rank_metric.select_dtypes(include=[np.number])
    return rank_metric[~rank_metric.index.duplicated(keep='first')]


def norm_samples(dat):
    data = dat.rank(axis=0, method='average', na_option='bottom')
    return 10000 * data / data.shape[0]


def load_gmt(gene_list, genesets_dict, min_size, max_size):
    for subset in list(genesets_dict.keys()):
        tag_len = np.in1d(gene_list, genesets_dict[subset], assume_unique=True).sum()
        if min_size <= tag_len <= max_size:
            continue
        del genesets_dict[subset]
    return genesets_dict


def sort_descending(ser, tie_order):
    values = ser.values
    if tie_order == 'pandas0':
        # pandas 0.2x Series.sort_values: argsorted = arr.argsort(kind='quicksort'); argsorted[::-1]
        order = values.argsort(kind='quicksort')[::-1]
    else:
        # pandas >= 1.0 nargsort(ascending=False): reverse, argsort, map back, reverse
        idx = np.arange(len(values))[::-1]
        order = idx[values[::-1].argsort(kind='quicksort')][::-1]
    return ser.iloc[order]


def enrichment_score_tensor(gene_mat, cor_mat, gene_sets, weighted_score_type, scale):
    keys = sorted(gene_sets.keys())
    cor_mat = np.abs(cor_mat)
    tag_indicator = np.vstack([np.in1d(gene_mat, gene_sets[key], assume_unique=True) for key in keys]).astype(int)
    no_tag = 1 - tag_indicator
    rank_alpha = (tag_indicator * cor_mat[np.newaxis, :]) ** weighted_score_type
    P_GW_denominator = np.sum(rank_alpha, axis=1, keepdims=True)
    P_NG_denominator = np.sum(no_tag, axis=1, keepdims=True)
    RES = np.cumsum(rank_alpha / P_GW_denominator - no_tag / P_NG_denominator, axis=1)
    if scale:
        RES = RES / len(gene_mat)
    return RES.sum(axis=1)


def ssgsea(expr_path, gmt_path, tie_order='pandas0', min_size=2, max_size=2000, weight=0.25, scale=True):
    data = load_data(expr_path)
    normdat = norm_samples(data)
    gmt = load_gmt(normdat.index.values, parse_gmt(gmt_path), min_size, max_size)
    subsets = sorted(gmt.keys())
    results = {}
    for name in normdat.columns:
        dat = sort_descending(normdat[name], tie_order)
        results[name] = pd.Series(enrichment_score_tensor(dat.index.values, dat.values, gmt, weight, scale),
                                  index=subsets, name=name)
    raw = pd.DataFrame(results)
    raw.index.name = 'Term|ES'
    nes = raw / (raw.values.max() - raw.values.min())
    nes.index = nes.index.rename('Term|NES')  # a new Index: renaming in place would rename raw's shared one too
    return raw, nes


def write(frame, path, comments):
    with open(path, 'w') as f:
        for c in comments:
            f.write(c + '\n')
        f.write('\t'.join([frame.index.name] + list(frame.columns)) + '\n')
        for term, row in frame.iterrows():
            f.write('\t'.join([term] + [repr(float(v)) for v in row.values]) + '\n')


if __name__ == '__main__':
    ap = argparse.ArgumentParser()
    ap.add_argument('expression')
    ap.add_argument('gmt')
    ap.add_argument('out_prefix')
    ap.add_argument('--tie-order', default='pandas0', choices=['pandas0', 'pandas1'])
    ap.add_argument('--min-size', type=int, default=2)
    ap.add_argument('--max-size', type=int, default=2000)
    a = ap.parse_args()
    raw, nes = ssgsea(a.expression, a.gmt, a.tie_order, a.min_size, a.max_size)
    write(raw, a.out_prefix + '.raw.es.txt', ['# scale the enrichment scores by number of genes in the gene sets',
                                               '# this normalization has not effects on the final NES, as indicated by Barbie et al., 2009, online methods, pg. 2'])
    write(nes, a.out_prefix + '.normalized.es.txt', ['# normalize enrichment scores by using the entire data set',
                                                      '# as indicated by Barbie et al., 2009, online methods, pg. 2'])
