namespace OrganoidBiomarkers.Patients;

/// <summary>
/// One subject's right-censored follow-up: <see cref="Time"/> to the event (<see cref="Event"/> = true) or to the last
/// contact (false, censored). Any time unit; all subjects of one analysis must share it. As R's <c>Surv(time, status)</c>
/// and lifelines' (durations, event_observed) pair.
/// </summary>
/// <param name="Time">Follow-up time in the analysis's unit (months in this pipeline); the survival routines refuse
/// NaN, infinite or negative times.</param>
/// <param name="Event">True for a death, false for censoring.</param>
public readonly record struct SurvivalTime(double Time, bool Event)
{
    /// <summary>Days in the authors' month: 365/12 (lifelines notebooks of Kong et al. 2020 divide days by it).</summary>
    public const double DaysPerMonth = 365.0 / 12.0;

    /// <summary>Converts days to months as the authors did: <c>days / (365/12)</c>.</summary>
    /// <param name="days">Follow-up in days.</param>
    public static double DaysToMonths(double days) => days / DaysPerMonth;

    /// <summary>An observation given in days, stored in months (<see cref="DaysToMonths"/>).</summary>
    /// <param name="days">Follow-up in days.</param>
    /// <param name="event">True for a death, false for censoring.</param>
    public static SurvivalTime FromDaysInMonths(double days, bool @event) => new(DaysToMonths(days), @event);
}
