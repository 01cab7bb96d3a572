namespace OrganoidBiomarkers.Patients;

/// <summary>The checks every survival routine applies to its input, with the messages they throw.</summary>
internal static class SurvivalInput
{
    /// <summary>Throws unless <paramref name="data"/> is non-empty and every time is finite and &gt;= 0.</summary>
    public static void Validate(IReadOnlyList<SurvivalTime>? data, string name)
    {
        ArgumentNullException.ThrowIfNull(data, name);
        if (data.Count == 0)
            throw new ArgumentException($"{name} is empty: at least one subject is needed.", name);
        for (int i = 0; i < data.Count; i++)
        {
            double t = data[i].Time;
            if (double.IsNaN(t))
                throw new ArgumentException($"{name}[{i}].Time is NaN: drop or impute subjects without follow-up first.", name);
            if (double.IsInfinity(t))
                throw new ArgumentException($"{name}[{i}].Time is {t}: follow-up times must be finite.", name);
            if (t < 0)
                throw new ArgumentException($"{name}[{i}].Time is negative ({t}): follow-up times must be >= 0.", name);
        }
    }

    /// <summary>Indices of <paramref name="data"/> sorted by time, then by input position (deterministic).</summary>
    public static int[] OrderByTime(IReadOnlyList<SurvivalTime> data)
    {
        var order = Enumerable.Range(0, data.Count).ToArray();
        Array.Sort(order, (a, b) => data[a].Time.CompareTo(data[b].Time) is var c && c != 0 ? c : a.CompareTo(b));
        return order;
    }

    /// <summary>Throws unless <paramref name="t"/> is a usable query time (not NaN).</summary>
    public static void ValidateQueryTime(double t, string name)
    {
        if (double.IsNaN(t)) throw new ArgumentException($"{name} is NaN: a query time is needed.", name);
    }
}
