"""Golden values for the organoid QC routines (lib/Qc), from independent reference implementations.

Run with the Debian python (numpy 1.24.2, scipy 1.10.1, scikit-learn 1.2.1, matplotlib 3.6.3):
    /usr/bin/python3 make_golden.py   # writes qc_golden.json beside this script
Inputs are small synthetic arrays drawn here with a fixed seed (no mirror data).
"""
import json
import platform

import matplotlib
import numpy as np
import scipy
import sklearn
from matplotlib import cbook
from scipy import stats
from scipy.cluster import hierarchy
from scipy.spatial.distance import pdist, squareform
from sklearn.decomposition import PCA

rng = np.random.default_rng(20201030)
out = {"versions": {"python": platform.python_version(), "numpy": np.__version__, "scipy": scipy.__version__,
                    "sklearn": sklearn.__version__, "matplotlib": matplotlib.__version__}}


def lin_ccc(x, y):
    # Lin 1989 with population (1/n) moments; written independently of the C# code as the variance/covariance form.
    x, y = np.asarray(x), np.asarray(y)
    sxy = np.cov(x, y, bias=True)[0, 1]
    return 2 * sxy / (np.var(x) + np.var(y) + (x.mean() - y.mean()) ** 2)


# --- replicate agreement: Pearson (scipy.stats.pearsonr) and Lin's CCC --------------------------------------------
agreement = []
base = rng.normal(2.0, 1.5, 19)
cases = {
    "noisy_replicates": (base, base + rng.normal(0, 0.8, 19)),
    "shifted_by_one": (base, base + 1.0 + rng.normal(0, 0.3, 19)),
    "scaled_half": (base, 0.5 * base + rng.normal(0, 0.2, 19)),
    "anticorrelated": (base[:7], -base[:7] + rng.normal(0, 0.5, 7)),
    "three_pairs": (np.array([1.2, -0.4, 3.3]), np.array([0.9, 0.1, 2.8])),
}
for name, (x, y) in cases.items():
    r = stats.pearsonr(x, y)[0]
    ccc = lin_ccc(x, y)
    # Lin's other form, 2 r s_x s_y / (...), must agree: guards the golden itself.
    alt = 2 * r * np.std(x) * np.std(y) / (np.var(x) + np.var(y) + (x.mean() - y.mean()) ** 2)
    assert abs(alt - ccc) < 1e-12
    agreement.append({"case": name, "x": list(x), "y": list(y), "pearson": r, "ccc": ccc})
out["agreement"] = agreement

# --- sample correlations (numpy.corrcoef) and clustering (scipy linkage + leaves_list) ------------------------------
clustering = []
for name, n_samples, n_genes, groups in [("six_samples", 6, 25, 2), ("eleven_samples", 11, 60, 3)]:
    centres = rng.normal(8, 2, (groups, n_genes))
    x = np.array([centres[i % groups] + rng.normal(0, 0.6 + 0.1 * i, n_genes) for i in range(n_samples)])  # samples x genes
    r = np.corrcoef(x)
    d = 1 - r
    np.fill_diagonal(d, 0)
    d = (d + d.T) / 2
    case = {"case": name, "x": x.tolist(), "corr": r.tolist(), "median_to_others": [float(np.median(np.delete(r[i], i))) for i in range(n_samples)]}
    for method in ["average", "complete", "single"]:
        z = hierarchy.linkage(squareform(d, checks=False), method=method)
        heights = z[:, 2]
        assert len(np.unique(np.round(heights, 12))) == len(heights), "tied merge heights: pick another seed"
        case[method] = {"z": z.tolist(), "leaves": hierarchy.leaves_list(z).tolist()}
    clustering.append(case)
# a Euclidean distance matrix (not correlation-based), to test the linkage on a general metric
pts = rng.normal(0, 1, (9, 2))
d = squareform(pdist(pts))
case = {"case": "euclidean_nine_points", "distances": d.tolist()}
for method in ["average", "complete", "single"]:
    z = hierarchy.linkage(pdist(pts), method=method)
    case[method] = {"z": z.tolist(), "leaves": hierarchy.leaves_list(z).tolist()}
clustering.append(case)
out["clustering"] = clustering

# --- PCA (sklearn.decomposition.PCA, full SVD, u-based svd_flip in 1.2) ---------------------------------------------
pca_cases = []
for name, n_samples, n_genes, k in [("eight_by_forty", 8, 40, 3), ("five_by_six", 5, 6, 4)]:
    x = rng.normal(0, 1, (n_samples, n_genes)) * rng.uniform(0.5, 3, n_genes) + rng.normal(5, 2, n_genes)
    pca = PCA(n_components=k, svd_solver="full")
    scores = pca.fit_transform(x)
    pca_cases.append({"case": name, "x": x.tolist(), "components": k, "scores": scores.tolist(),
                      "explained_variance": pca.explained_variance_.tolist(),
                      "explained_variance_ratio": pca.explained_variance_ratio_.tolist()})
out["pca"] = pca_cases

# --- quartiles (numpy.percentile 'linear') and Tukey's lower fence ---------------------------------------------------
fences = []
for name, v in [("with_low_outlier", np.r_[rng.normal(0.95, 0.01, 15), 0.80]),
                ("no_outlier", rng.normal(0.9, 0.02, 22)),
                ("two_low", np.r_[rng.normal(0.97, 0.005, 10), 0.90, 0.91])]:
    q1, q3 = np.percentile(v, [25, 75])
    fence = q1 - 1.5 * (q3 - q1)
    fences.append({"case": name, "values": list(v), "q1": q1, "q3": q3, "lower": fence, "below": [bool(a < fence) for a in v],
                   "q10": float(np.percentile(v, 10)), "median": float(np.percentile(v, 50))})
out["fence"] = fences

# --- box plot numbers (matplotlib.cbook.boxplot_stats, whis=1.5) ------------------------------------------------------
boxes = []
for name, v in [("skewed", rng.lognormal(1, 0.7, 40)), ("with_outliers", np.r_[rng.normal(5, 1, 30), 12.0, -3.0]), ("tiny", np.array([1.0, 2.0, 2.5]))]:
    s = cbook.boxplot_stats(v, whis=1.5)[0]
    boxes.append({"case": name, "values": list(v), "q1": s["q1"], "median": s["med"], "q3": s["q3"],
                  "whisker_low": s["whislo"], "whisker_high": s["whishi"], "beyond": int(len(s["fliers"]))})
out["box"] = boxes

with open("qc_golden.json", "w") as f:
    json.dump(out, f, indent=1, default=float)
print("wrote qc_golden.json")
