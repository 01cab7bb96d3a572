using System.Runtime.CompilerServices;

namespace OrganoidBiomarkers.Models;

/// <summary>Whether libsvm's SMO temporarily removes bound variables from the working set (libsvm -h, scikit-learn shrinking).</summary>
public enum Shrinking
{
    /// <summary>libsvm's shrinking heuristic (scikit-learn's default shrinking=True).</summary>
    On,
    /// <summary>Every variable stays active (libsvm -h 0).</summary>
    Off,
}

/// <summary>
/// A transcription of libsvm's Solver (Chang and Lin, libsvm 3.x as bundled in scikit-learn, svm.cpp) specialised to
/// epsilon-SVR with a linear kernel: SMO with the second-order working-set selection of Fan, Chen and Lin (2005,
/// JMLR 6:1889), shrinking, gradient reconstruction, the stopping rule m(alpha) - M(alpha) &lt; eps and libsvm's rho.
/// The details that decide the iterates are kept: kernel columns are stored in single precision (libsvm's
/// Qfloat = float) while the diagonal QD stays double; loops run in the active-set order with libsvm's &gt;= / &lt;=
/// tie rules; the shrinking counter starts at min(l, 1000) + 1.
/// </summary>
internal sealed class LibSvmSolver
{
    private const double Tau = 1e-12;
    private const byte LowerBound = 0, UpperBound = 1, Free = 2;

    // SVR_Q state: sample index and sign of each of the 2l variables (alpha_i: +1, alpha*_i: -1), after swaps.
    private readonly int[] _index;
    private readonly sbyte[] _sign;
    private readonly double[] _qd;
    private readonly float[][] _kernel; // kernel[i][j] = (float) x_i . x_j, rows by sample
    private readonly float[] _buffer0, _buffer1;
    private int _nextBuffer;

    // Solver state, all indexed by the (swapped) active order.
    private readonly int _l;
    private readonly sbyte[] _y;
    private readonly double[] _g, _gBar, _alpha, _p, _c;
    private readonly byte[] _status;
    private readonly int[] _activeSet;
    private int _activeSize;
    private readonly double _eps;
    private bool _unshrink;

    public sealed record Result(double[] Beta, double Rho, double Objective, int Iterations);

    // The hot paths are compiled optimised at once: a permutation test runs thousands of small fits, and in a busy
    // notebook kernel tiered compilation can take seconds to promote them. Same IEEE arithmetic either way.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private LibSvmSolver(double[,] x, double[] target, double c, double epsilon, double eps)
    {
        int n = x.GetLength(0), p = x.GetLength(1);
        _l = 2 * n;
        _kernel = new float[n][];
        var diag = new double[n];
        for (int i = 0; i < n; i++)
        {
            _kernel[i] = new float[n];
            for (int j = 0; j < n; j++)
            {
                // libsvm's Kernel::dot: a sequential double sum over features.
                double s = 0;
                for (int k = 0; k < p; k++) s += x[i, k] * x[j, k];
                _kernel[i][j] = (float)s;
                if (i == j) diag[i] = s;
            }
        }
        _index = new int[_l];
        _sign = new sbyte[_l];
        _qd = new double[_l];
        for (int k = 0; k < n; k++)
        {
            _sign[k] = 1; _sign[k + n] = -1;
            _index[k] = k; _index[k + n] = k;
            _qd[k] = diag[k]; _qd[k + n] = diag[k];
        }
        _buffer0 = new float[_l];
        _buffer1 = new float[_l];

        // solve_epsilon_svr: alpha2 = 0, linear_term = p -/+ y, y = +1/-1.
        _y = new sbyte[_l];
        _p = new double[_l];
        _alpha = new double[_l];
        _c = new double[_l];
        for (int i = 0; i < n; i++)
        {
            _p[i] = epsilon - target[i]; _y[i] = 1;
            _p[i + n] = epsilon + target[i]; _y[i + n] = -1;
            _c[i] = c; _c[i + n] = c;
        }
        _eps = eps;
        _g = new double[_l];
        _gBar = new double[_l];
        _status = new byte[_l];
        _activeSet = new int[_l];
    }

    /// <summary>Solves the epsilon-SVR dual; Objective is libsvm's obj (on the single-precision kernel); Beta[i] = alpha_i - alpha*_i per sample, Rho the offset (intercept = -rho).</summary>
    public static Result SolveEpsilonSvr(double[,] x, double[] target, double c, double epsilon, double eps,
        Shrinking shrinking, int maxIterations)
    {
        var s = new LibSvmSolver(x, target, c, epsilon, eps);
        return s.Solve(shrinking == Shrinking.On, maxIterations, target.Length);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private float[] GetQ(int i, int len)
    {
        var data = _kernel[_index[i]];
        var buf = _nextBuffer == 0 ? _buffer0 : _buffer1;
        _nextBuffer = 1 - _nextBuffer;
        float si = _sign[i];
        for (int j = 0; j < len; j++) buf[j] = si * _sign[j] * data[_index[j]];
        return buf;
    }

    private bool IsUpper(int i) => _status[i] == UpperBound;
    private bool IsLower(int i) => _status[i] == LowerBound;
    private bool IsFree(int i) => _status[i] == Free;

    private void UpdateStatus(int i) =>
        _status[i] = _alpha[i] >= _c[i] ? UpperBound : _alpha[i] <= 0 ? LowerBound : Free;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Result Solve(bool shrinking, int maxIterations, int n)
    {
        for (int i = 0; i < _l; i++) UpdateStatus(i);
        for (int i = 0; i < _l; i++) _activeSet[i] = i;
        _activeSize = _l;
        for (int i = 0; i < _l; i++) { _g[i] = _p[i]; _gBar[i] = 0; }
        // alpha starts at zero, so no gradient contribution to add (libsvm loops over non-lower-bound alphas here).

        int iter = 0;
        int counter = Math.Min(_l, 1000) + 1;
        while (iter < maxIterations)
        {
            if (--counter == 0)
            {
                counter = Math.Min(_l, 1000);
                if (shrinking) DoShrinking();
            }
            if (!SelectWorkingSet(out int i, out int j))
            {
                ReconstructGradient();
                _activeSize = _l;
                if (!SelectWorkingSet(out i, out j)) break;
                counter = 1; // shrink at the next iteration
            }
            ++iter;

            var qi = GetQ(i, _activeSize);
            var qj = GetQ(j, _activeSize);
            double ci = _c[i], cj = _c[j];
            double oldAi = _alpha[i], oldAj = _alpha[j];
            if (_y[i] != _y[j])
            {
                double quad = _qd[i] + _qd[j] + 2 * qi[j];
                if (quad <= 0) quad = Tau;
                double delta = (-_g[i] - _g[j]) / quad;
                double diff = _alpha[i] - _alpha[j];
                _alpha[i] += delta;
                _alpha[j] += delta;
                if (diff > 0)
                {
                    if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = diff; }
                }
                else
                {
                    if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = -diff; }
                }
                if (diff > ci - cj)
                {
                    if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = ci - diff; }
                }
                else
                {
                    if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = cj + diff; }
                }
            }
            else
            {
                double quad = _qd[i] + _qd[j] - 2 * qi[j];
                if (quad <= 0) quad = Tau;
                double delta = (_g[i] - _g[j]) / quad;
                double sum = _alpha[i] + _alpha[j];
                _alpha[i] -= delta;
                _alpha[j] += delta;
                if (sum > ci)
                {
                    if (_alpha[i] > ci) { _alpha[i] = ci; _alpha[j] = sum - ci; }
                }
                else
                {
                    if (_alpha[j] < 0) { _alpha[j] = 0; _alpha[i] = sum; }
                }
                if (sum > cj)
                {
                    if (_alpha[j] > cj) { _alpha[j] = cj; _alpha[i] = sum - cj; }
                }
                else
                {
                    if (_alpha[i] < 0) { _alpha[i] = 0; _alpha[j] = sum; }
                }
            }

            double dAi = _alpha[i] - oldAi, dAj = _alpha[j] - oldAj;
            for (int k = 0; k < _activeSize; k++) _g[k] += qi[k] * dAi + qj[k] * dAj;

            bool ui = IsUpper(i), uj = IsUpper(j);
            UpdateStatus(i);
            UpdateStatus(j);
            if (ui != IsUpper(i))
            {
                qi = GetQ(i, _l);
                if (ui) for (int k = 0; k < _l; k++) _gBar[k] -= ci * qi[k];
                else for (int k = 0; k < _l; k++) _gBar[k] += ci * qi[k];
            }
            if (uj != IsUpper(j))
            {
                qj = GetQ(j, _l);
                if (uj) for (int k = 0; k < _l; k++) _gBar[k] -= cj * qj[k];
                else for (int k = 0; k < _l; k++) _gBar[k] += cj * qj[k];
            }
        }
        if (iter >= maxIterations && _activeSize < _l)
        {
            ReconstructGradient();
            _activeSize = _l;
        }

        double rho = CalculateRho();
        double v = 0;
        for (int i = 0; i < _l; i++) v += _alpha[i] * (_g[i] + _p[i]);
        double objective = v / 2;

        var alpha2 = new double[_l];
        for (int i = 0; i < _l; i++) alpha2[_activeSet[i]] = _alpha[i];
        var beta = new double[n];
        for (int i = 0; i < n; i++) beta[i] = alpha2[i] - alpha2[i + n];
        return new Result(beta, rho, objective, iter);
    }

    /// <summary>Fan et al. (2005) WSS 3: i maximises -y G over I_up, j minimises the second-order decrease over I_low.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SelectWorkingSet(out int outI, out int outJ)
    {
        double gmax = double.NegativeInfinity, gmax2 = double.NegativeInfinity;
        int gmaxIdx = -1, gminIdx = -1;
        double objDiffMin = double.PositiveInfinity;
        for (int t = 0; t < _activeSize; t++)
        {
            if (_y[t] == +1)
            {
                if (!IsUpper(t) && -_g[t] >= gmax) { gmax = -_g[t]; gmaxIdx = t; }
            }
            else
            {
                if (!IsLower(t) && _g[t] >= gmax) { gmax = _g[t]; gmaxIdx = t; }
            }
        }
        int i = gmaxIdx;
        float[]? qi = i != -1 ? GetQ(i, _activeSize) : null;
        for (int j = 0; j < _activeSize; j++)
        {
            if (_y[j] == +1)
            {
                if (!IsLower(j))
                {
                    double gradDiff = gmax + _g[j];
                    if (_g[j] >= gmax2) gmax2 = _g[j];
                    if (gradDiff > 0)
                    {
                        double quad = _qd[i] + _qd[j] - 2.0 * _y[i] * qi![j];
                        double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                        if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                    }
                }
            }
            else
            {
                if (!IsUpper(j))
                {
                    double gradDiff = gmax - _g[j];
                    if (-_g[j] >= gmax2) gmax2 = -_g[j];
                    if (gradDiff > 0)
                    {
                        double quad = _qd[i] + _qd[j] + 2.0 * _y[i] * qi![j];
                        double objDiff = quad > 0 ? -(gradDiff * gradDiff) / quad : -(gradDiff * gradDiff) / Tau;
                        if (objDiff <= objDiffMin) { gminIdx = j; objDiffMin = objDiff; }
                    }
                }
            }
        }
        outI = gmaxIdx;
        outJ = gminIdx;
        return !(gmax + gmax2 < _eps || gminIdx == -1);
    }

    private bool BeShrunk(int i, double gmax1, double gmax2)
    {
        if (IsUpper(i)) return _y[i] == +1 ? -_g[i] > gmax1 : -_g[i] > gmax2;
        if (IsLower(i)) return _y[i] == +1 ? _g[i] > gmax2 : _g[i] > gmax1;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DoShrinking()
    {
        double gmax1 = double.NegativeInfinity; // max { -y_i grad_i | i in I_up }
        double gmax2 = double.NegativeInfinity; // max { y_i grad_i | i in I_low }
        for (int i = 0; i < _activeSize; i++)
        {
            if (_y[i] == +1)
            {
                if (!IsUpper(i) && -_g[i] >= gmax1) gmax1 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax2) gmax2 = _g[i];
            }
            else
            {
                if (!IsUpper(i) && -_g[i] >= gmax2) gmax2 = -_g[i];
                if (!IsLower(i) && _g[i] >= gmax1) gmax1 = _g[i];
            }
        }
        if (!_unshrink && gmax1 + gmax2 <= _eps * 10)
        {
            _unshrink = true;
            ReconstructGradient();
            _activeSize = _l;
        }
        for (int i = 0; i < _activeSize; i++)
        {
            if (!BeShrunk(i, gmax1, gmax2)) continue;
            _activeSize--;
            while (_activeSize > i)
            {
                if (!BeShrunk(_activeSize, gmax1, gmax2)) { SwapIndex(i, _activeSize); break; }
                _activeSize--;
            }
        }
    }

    private void SwapIndex(int i, int j)
    {
        (_sign[i], _sign[j]) = (_sign[j], _sign[i]);
        (_index[i], _index[j]) = (_index[j], _index[i]);
        (_qd[i], _qd[j]) = (_qd[j], _qd[i]);
        (_y[i], _y[j]) = (_y[j], _y[i]);
        (_g[i], _g[j]) = (_g[j], _g[i]);
        (_status[i], _status[j]) = (_status[j], _status[i]);
        (_alpha[i], _alpha[j]) = (_alpha[j], _alpha[i]);
        (_p[i], _p[j]) = (_p[j], _p[i]);
        (_activeSet[i], _activeSet[j]) = (_activeSet[j], _activeSet[i]);
        (_gBar[i], _gBar[j]) = (_gBar[j], _gBar[i]);
        (_c[i], _c[j]) = (_c[j], _c[i]);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ReconstructGradient()
    {
        if (_activeSize == _l) return;
        for (int j = _activeSize; j < _l; j++) _g[j] = _gBar[j] + _p[j];
        int nrFree = 0;
        for (int j = 0; j < _activeSize; j++) if (IsFree(j)) nrFree++;
        if ((long)nrFree * _l > 2L * _activeSize * (_l - _activeSize))
        {
            for (int i = _activeSize; i < _l; i++)
            {
                var qi = GetQ(i, _activeSize);
                for (int j = 0; j < _activeSize; j++) if (IsFree(j)) _g[i] += _alpha[j] * qi[j];
            }
        }
        else
        {
            for (int i = 0; i < _activeSize; i++)
            {
                if (!IsFree(i)) continue;
                var qi = GetQ(i, _l);
                double ai = _alpha[i];
                for (int j = _activeSize; j < _l; j++) _g[j] += ai * qi[j];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private double CalculateRho()
    {
        int nrFree = 0;
        double ub = double.PositiveInfinity, lb = double.NegativeInfinity, sumFree = 0;
        for (int i = 0; i < _activeSize; i++)
        {
            double yG = _y[i] * _g[i];
            if (IsUpper(i))
            {
                if (_y[i] == -1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else if (IsLower(i))
            {
                if (_y[i] == +1) ub = Math.Min(ub, yG); else lb = Math.Max(lb, yG);
            }
            else { ++nrFree; sumFree += yG; }
        }
        return nrFree > 0 ? sumFree / nrFree : (ub + lb) / 2;
    }
}
