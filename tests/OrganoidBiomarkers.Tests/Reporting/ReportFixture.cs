using OrganoidBiomarkers.Reporting;

namespace OrganoidBiomarkers.Tests.Reporting;

/// <summary>
/// The report's fixture world (Fixtures/report): a two-arm study (drug X with the authors' demo outputs, drug Y trained on
/// a substitute), its manifest and paper values (config/), a mirror with small authors' outputs (mirror/) and a run's
/// hand-written results (output/). Every expected value in the tests is worked out from these files by hand.
/// </summary>
internal static class ReportFixture
{
    public static RunOutputs Run(bool withMirror = true, string? mirror = null) =>
        new(TestPaths.Fixture("report", "output"), TestPaths.Fixture("report"), mirror ?? (withMirror ? TestPaths.Fixture("report", "mirror") : null),
            TestPaths.Fixture("report", "config"));
}
