#!/usr/bin/python3
"""Golden values for lib/Models from scikit-learn (Debian's 1.2.1; run with /usr/bin/python3 make_golden.py).

Small hand-made data only (a fixed numpy seed, values written into the JSON so the C# tests read the same inputs).
The authors ran scikit-learn 0.20.2; where 0.20 and 1.2 differ (RidgeCV fold averaging: 0.20's GridSearchCV default
iid='warn' acts as iid=True, the test-fold-size-weighted mean; 1.2 takes the plain mean) both averages are written,
the weighted one computed from 1.2's per-fold scores exactly as 0.20 did: np.average(split scores, weights=test fold sizes).
"""
import json
import numpy as np
import sklearn
from sklearn.preprocessing import StandardScaler
from sklearn.linear_model import Ridge, RidgeCV, LinearRegression
from sklearn.model_selection import KFold, GridSearchCV
from sklearn.svm import SVR

ALPHAS = [round(0.1 * i, 1) for i in range(1, 10)]  # the authors' 0.1..0.9


def data(seed, n, p, noise=0.5, scale=None):
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, p))
    if scale is not None:
        x = x * np.asarray(scale)[None, :] + 3.0
    w = rng.normal(size=p)
    y = x @ w + noise * rng.normal(size=n) + 1.5
    return np.round(x, 6), np.round(y, 6)  # 6 decimals: the JSON holds the exact inputs


def mat(x):
    return [list(map(float, r)) for r in x]


def vec(v):
    return list(map(float, np.ravel(v)))


out = {"sklearn": sklearn.__version__, "numpy": np.__version__}

# --- StandardScaler: population sd; a constant column gets scale 1 -------------------------------------------
x, _ = data(1, 7, 4, scale=[1.0, 10.0, 0.01, 1.0])
x[:, 3] = 0.1  # constant feature (0.1 is inexact in binary: the mean may differ from 0.1 by rounding)
sc = StandardScaler().fit(x)
xnew = np.round(np.random.default_rng(2).normal(size=(3, 4)), 6)
out["standardizer"] = {"x": mat(x), "mean": vec(sc.mean_), "scale": vec(sc.scale_), "z": mat(sc.transform(x)),
                       "xnew": mat(xnew), "znew": mat(sc.transform(xnew))}

# --- Ridge (fixed alpha), p < n and p > n ----------------------------------------------------------------------
ridge = []
for name, seed, n, p in [("p<n", 3, 9, 3), ("p>n", 4, 6, 11)]:
    x, y = data(seed, n, p)
    for a in [0.1, 0.5, 1.0, 10.0]:
        m = Ridge(alpha=a).fit(x, y)
        ridge.append({"case": name, "x": mat(x), "y": vec(y), "alpha": a, "coef": vec(m.coef_),
                      "intercept": float(m.intercept_), "predict": vec(m.predict(x))})
out["ridge"] = ridge


# --- RidgeCV(cv=3): chosen alpha and per-fold R^2 -------------------------------------------------------------
def ridgecv_case(name, x, y):
    n = len(y)
    gs = GridSearchCV(Ridge(), {"alpha": ALPHAS}, cv=3).fit(x, y)  # what RidgeCV(cv=3) runs inside
    rcv = RidgeCV(alphas=ALPHAS, cv=3).fit(x, y)
    folds = [len(te) for _, te in KFold(3).split(x)]
    split = np.array([gs.cv_results_["split%d_test_score" % k] for k in range(3)]).T  # alphas x folds
    weighted = np.average(split, axis=1, weights=folds)  # scikit-learn 0.20 iid=True
    unweighted = split.mean(axis=1)  # scikit-learn >= 0.22
    best_w = int(np.argmax(weighted))  # argmax: the first of ties, as rank 'min' + argmin
    best_u = int(np.argmax(unweighted))
    assert abs(rcv.alpha_ - ALPHAS[best_u]) < 1e-12
    refit_w = Ridge(alpha=ALPHAS[best_w]).fit(x, y)
    return {"case": name, "x": mat(x), "y": vec(y), "alphas": ALPHAS, "fold_sizes": folds,
            "fold_scores": mat(split), "mean_weighted": vec(weighted), "mean_unweighted": vec(unweighted),
            "alpha_weighted": ALPHAS[best_w], "alpha_unweighted": float(rcv.alpha_),
            "coef_weighted": vec(refit_w.coef_), "intercept_weighted": float(refit_w.intercept_),
            "coef_unweighted": vec(rcv.coef_), "intercept_unweighted": float(rcv.intercept_)}


ridgecv = []
x, y = data(5, 10, 3, noise=1.5)  # n = 10: folds 4, 3, 3
ridgecv.append(ridgecv_case("n10_p3", x, y))
x, y = data(6, 8, 12, noise=1.0)  # p > n, n = 8: folds 3, 3, 2
ridgecv.append(ridgecv_case("n8_p12", x, y))
# A data set on which fold weighting changes the chosen alpha (searched over seeds; n = 7: folds 3, 2, 2).
for seed in range(1000, 20000):
    x, y = data(seed, 7, 2, noise=2.0)
    c = ridgecv_case("weighting_changes_choice", x, y)
    if c["alpha_weighted"] != c["alpha_unweighted"]:
        c["seed"] = seed
        ridgecv.append(c)
        break
else:
    raise SystemExit("no data set found where fold weighting changes the choice")
out["ridgecv"] = ridgecv


# --- SVR(kernel='linear', C=1, epsilon=0.1, tol=1e-3), libsvm ---------------------------------------------------
def dual_objective(x, y, beta, eps):
    # libsvm's objective at its solution, where alpha_i * alpha*_i = 0, so sum(alpha + alpha*) = sum |beta|.
    k = x @ x.T
    return float(0.5 * beta @ k @ beta + eps * np.abs(beta).sum() - y @ beta)


def libsvm_log(fit):
    """Runs fit() with libsvm's C-level stdout captured (verbose=True prints '#iter', 'obj', 'rho')."""
    import os, sys, tempfile
    sys.stdout.flush()
    saved = os.dup(1)
    with tempfile.TemporaryFile(mode="w+") as tmp:
        os.dup2(tmp.fileno(), 1)
        try:
            model = fit()
        finally:
            os.dup2(saved, 1)
            os.close(saved)
        tmp.seek(0)
        text = tmp.read()
    fields = dict(kv.split(" = ") for kv in text.replace("\n", ", ").split(", ") if " = " in kv)
    return model, fields


svr = []
for name, seed, n, p, shrinking in [("p<n", 7, 12, 3, True), ("p>n", 8, 8, 15, True), ("n60_shrinking", 9, 60, 5, True),
                                    ("n60_no_shrinking", 9, 60, 5, False), ("n30_p40", 10, 30, 40, True)]:
    x, y = data(seed, n, p)
    x = StandardScaler().fit_transform(x)  # the authors standardise first
    x = np.round(x, 6)
    m, log = libsvm_log(lambda: SVR(kernel="linear", C=1.0, epsilon=0.1, tol=1e-3, shrinking=shrinking, verbose=True).fit(x, y))
    beta = np.zeros(n)
    beta[m.support_] = m.dual_coef_[0]
    svr.append({"case": name, "x": mat(x), "y": vec(y), "shrinking": shrinking, "coef": vec(m.coef_),
                "intercept": float(m.intercept_[0]), "dual": vec(beta), "support": list(map(int, m.support_)),
                "n_iter": int(np.ravel(m.n_iter_)[0]), "objective": dual_objective(x, y, beta, 0.1),
                "libsvm_obj": float(log["obj"]), "libsvm_rho": float(log["rho"]),
                "predict": vec(m.predict(x))})
out["svr"] = svr

# --- LinearRegression: least squares; minimum norm when p > n ------------------------------------------------------
ols = []
for name, seed, n, p in [("p<n", 11, 10, 3), ("p>n", 12, 6, 10), ("p=n", 13, 5, 5)]:
    x, y = data(seed, n, p)
    m = LinearRegression().fit(x, y)
    ols.append({"case": name, "x": mat(x), "y": vec(y), "coef": vec(m.coef_), "intercept": float(m.intercept_),
                "rank": int(m.rank_), "predict": vec(m.predict(x))})
out["ols"] = ols

# --- Leave-one-out with the scaler refitted on each training fold (Pipeline), Spearman (average ties) -------------
from scipy.stats import spearmanr
from sklearn.model_selection import LeaveOneOut, cross_val_predict
from sklearn.pipeline import make_pipeline

x, y = data(14, 12, 4, noise=1.0, scale=[1.0, 5.0, 0.2, 2.0])
y[3] = y[7]  # a tie in y, so Spearman's average-tie rule matters
loo = {"x": mat(x), "y": vec(y), "models": {}}
for key, est in [("ridge", Ridge(alpha=1.0)), ("ols", LinearRegression()),
                 ("svr", SVR(kernel="linear", C=1.0, epsilon=0.1, tol=1e-3))]:
    pred = cross_val_predict(make_pipeline(StandardScaler(), est), x, y, cv=LeaveOneOut())
    loo["models"][key] = {"predicted": vec(pred), "spearman": float(spearmanr(y, pred).correlation),
                          "rmse": float(np.sqrt(np.mean((y - pred) ** 2)))}
base = np.array([(y.sum() - y[i]) / (len(y) - 1) for i in range(len(y))])
loo["baseline"] = {"predicted": vec(base), "rmse": float(np.sqrt(np.mean((y - base) ** 2)))}
out["loo"] = loo

a = [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0]
b = [2.0, 7.0, 1.0, 8.0, 2.0, 8.0, 1.0, 8.0, 2.0, 8.0]
out["spearman"] = {"a": a, "b": b, "rho": float(spearmanr(a, b).correlation)}

with open("models_golden.json", "w") as f:
    json.dump(out, f, indent=1)
print("wrote models_golden.json; weighting case seed", ridgecv[-1]["seed"],
      "alphas", ridgecv[-1]["alpha_weighted"], ridgecv[-1]["alpha_unweighted"],
      "svr n_iter", [c["n_iter"] for c in svr])
