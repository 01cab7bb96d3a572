#!/usr/bin/python3
"""scikit-learn's fits of the authors' 5-FU organoid model on the REAL inputs of the data mirror.

Usage: /usr/bin/python3 authors_5fu_sklearn.py [MIRROR] [OUT_JSON]
  MIRROR defaults to $DATA_MIRROR or ../shared/data found by walking up from this script;
  OUT_JSON defaults to <repo>/data/cache/models/authors_5fu_sklearn.json (git-ignored: derived from mirror data,
  never committed). Authors5FuParityTests compares against it when present.

Inputs (as the authors): ssGSEA NES of the 22 CRC organoids (gseapy output), the FLUOROURACIL network-proximal Reactome
pathways (z <= -1.2816) present in the NES file as features (NES row order), the median natural-log IC50 of
'5-Fluorouracil' (Drug_ID 1073) over replicates per organoid (IDs upper-cased). StandardScaler on all organoids, then
RidgeCV(alphas 0.1..0.9, cv=3), SVR(kernel='linear'), LinearRegression.
"""
import json
import os
import sys
import numpy as np
import pandas as pd
import sklearn
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import Ridge, RidgeCV, LinearRegression
from sklearn.model_selection import GridSearchCV, KFold
from sklearn.svm import SVR

here = os.path.dirname(os.path.abspath(__file__))


def find_mirror():
    if len(sys.argv) > 1:
        return sys.argv[1]
    if os.environ.get("DATA_MIRROR"):
        return os.environ["DATA_MIRROR"]
    d = here
    while d != os.path.dirname(d):
        cand = os.path.join(d, "shared", "data")
        if os.path.isdir(cand):
            return cand
        d = os.path.dirname(d)
    raise SystemExit("data mirror not found (set DATA_MIRROR)")


def find_repo():
    d = here
    while d != os.path.dirname(d):
        if os.path.exists(os.path.join(d, "OrganoidBiomarkers.sln")):
            return d
        d = os.path.dirname(d)
    raise SystemExit("repository root not found")


mirror = find_mirror()
out_path = sys.argv[2] if len(sys.argv) > 2 else os.path.join(find_repo(), "data", "cache", "models", "authors_5fu_sklearn.json")

nes = pd.read_csv(os.path.join(mirror, "reference/authors_gseapy_organoid_crc/gseapy.samples.normalized.es.txt"),
                  sep="\t", comment="#", index_col=0)
z = pd.read_csv(os.path.join(mirror, "network/coad_blca_organoid_drugs_zscore_result_reactome.txt"), sep="\t", index_col=0)
proximal = set(z.index[z["FLUOROURACIL"] <= -1.2816])
features = [p for p in nes.index if p in proximal]

s2b = pd.read_csv(os.path.join(mirror, "organoid_crc/supp_table_S2b.txt"), sep="\t")
fu = s2b[(s2b["Drug Name"] == "5-Fluorouracil") & (s2b["Drug_ID"] == 1073)]
ic50 = fu.groupby(fu["Organoid"].str.upper())["IC50"].median()

authors_median = pd.read_csv(os.path.join(mirror, "organoid_crc/median_response.txt"), sep="\t")
authors_order = [o.upper() for o in authors_median.loc[authors_median["Drug Name"] == "5-Fluorouracil", "Organoid"]]

orders = {
    "nes_columns": [o for o in nes.columns if o in ic50.index],
    "ordinal": sorted(ic50.index.intersection(nes.columns)),
    "authors_median_response": [o for o in authors_order if o in nes.columns],
}
alphas = [round(0.1 * i, 1) for i in range(1, 10)]
result = {"sklearn": sklearn.__version__, "n_proximal": len(proximal), "features": features, "orders": {}}
for key, organoids in orders.items():
    x = nes.loc[features, organoids].T.values.astype(float)
    y = ic50.loc[organoids].values.astype(float)
    xs = StandardScaler().fit_transform(x)
    gs = GridSearchCV(Ridge(), {"alpha": alphas}, cv=3).fit(xs, y)
    split = np.array([gs.cv_results_["split%d_test_score" % k] for k in range(3)]).T
    folds = [len(te) for _, te in KFold(3).split(xs)]
    weighted = np.average(split, axis=1, weights=folds)
    best_w = alphas[int(np.argmax(weighted))]
    rcv_w = Ridge(alpha=best_w).fit(xs, y)
    rcv = RidgeCV(alphas=alphas, cv=3).fit(xs, y)
    svr = SVR(kernel="linear", C=1.0, epsilon=0.1).fit(xs, y)
    ols = LinearRegression().fit(xs, y)
    result["orders"][key] = {
        "organoids": organoids, "y": list(map(float, y)),
        "ridgecv": {"alpha_weighted": best_w, "alpha_unweighted": float(rcv.alpha_),
                    "mean_weighted": list(map(float, weighted)), "mean_unweighted": list(map(float, split.mean(1))),
                    "coef": list(map(float, rcv_w.coef_)), "intercept": float(rcv_w.intercept_)},
        "svr": {"coef": list(map(float, svr.coef_[0])), "intercept": float(svr.intercept_[0]),
                "n_iter": int(np.ravel(svr.n_iter_)[0]), "support": list(map(int, svr.support_))},
        "ols": {"coef": list(map(float, ols.coef_)), "intercept": float(ols.intercept_), "rank": int(ols.rank_)},
    }
    for m in ["ridgecv", "svr", "ols"]:
        c = np.array(result["orders"][key][m]["coef"])
        top = np.argsort(-np.abs(c), kind="stable")[:5]
        print(key, m, [(features[i], round(float(c[i]), 6)) for i in top])
    print(key, "alpha weighted", best_w, "unweighted", rcv.alpha_)

# Leave-one-out (scaler refitted on each training fold) in NES column order. RidgeCV here is 1.2's (plain fold mean).
from scipy.stats import spearmanr
from sklearn.model_selection import LeaveOneOut, cross_val_predict
from sklearn.pipeline import make_pipeline

organoids = orders["nes_columns"]
x = nes.loc[features, organoids].T.values.astype(float)
y = ic50.loc[organoids].values.astype(float)
loo = {}
for key, est in [("ridgecv", RidgeCV(alphas=alphas, cv=3)), ("svr", SVR(kernel="linear")), ("ols", LinearRegression())]:
    pred = cross_val_predict(make_pipeline(StandardScaler(), est), x, y, cv=LeaveOneOut())
    loo[key] = {"predicted": list(map(float, pred)), "spearman": float(spearmanr(y, pred).correlation),
                "rmse": float(np.sqrt(np.mean((y - pred) ** 2)))}
    print("LOO", key, "rho", round(loo[key]["spearman"], 4), "rmse", round(loo[key]["rmse"], 4))
result["loo_nes_columns"] = loo

# The same models on the median AUC (bounded by the tested range) instead of the ln IC50, in NES column order; the AUC
# is rescaled linearly to the ln IC50's mean and population sd (numpy's default std), as ResponseScale.MatchTo.
auc = fu.groupby(fu["Organoid"].str.upper())["AUC"].median()
ya = auc.loc[organoids].values.astype(float)
ys = (ya - ya.mean()) / ya.std() * y.std() + y.mean()
xs = StandardScaler().fit_transform(x)
gs = GridSearchCV(Ridge(), {"alpha": alphas}, cv=3).fit(xs, ys)
split = np.array([gs.cv_results_["split%d_test_score" % k] for k in range(3)]).T
folds = [len(te) for _, te in KFold(3).split(xs)]
best_w = alphas[int(np.argmax(np.average(split, axis=1, weights=folds)))]
result["auc_nes_columns"] = {
    "y": list(map(float, ys)),
    "ridgecv": {"alpha_weighted": best_w, "coef": list(map(float, Ridge(alpha=best_w).fit(xs, ys).coef_))},
    "svr": {"coef": list(map(float, SVR(kernel="linear", C=1.0, epsilon=0.1).fit(xs, ys).coef_[0]))},
    "ols": {"coef": list(map(float, LinearRegression().fit(xs, ys).coef_))},
}
for m in ["ridgecv", "svr", "ols"]:
    c = np.array(result["auc_nes_columns"][m]["coef"])
    print("AUC", m, features[int(np.argmax(np.abs(c)))], round(float(c[int(np.argmax(np.abs(c)))]), 6))

os.makedirs(os.path.dirname(out_path), exist_ok=True)
with open(out_path, "w") as f:
    json.dump(result, f, indent=1)
print("n_proximal", len(proximal), "features", len(features), "organoids", len(orders["nes_columns"]), "->", out_path)
