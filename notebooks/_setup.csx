// Loaded by every notebook's first cell (#load "_setup.csx"): references the project's library (built by
// scripts/run-pipeline into lib/bin/Release/net10.0) and tells the notebook how to show its figures and tables.
#r "../lib/bin/Release/net10.0/OrganoidBiomarkers.dll"
#r "../lib/bin/Release/net10.0/ScottPlot.dll"

using Microsoft.DotNet.Interactive.Formatting;

Formatter.Register<OrganoidBiomarkers.Reporting.Figure>((figure, writer) => writer.Write(figure.Base64), "image/png");
Formatter.SetPreferredMimeTypesFor(typeof(OrganoidBiomarkers.Reporting.Figure), "image/png");
Formatter.Register<OrganoidBiomarkers.Common.TsvTable>((table, writer) => writer.Write(OrganoidBiomarkers.Reporting.HtmlTable.Render(table)), "text/html");
Formatter.SetPreferredMimeTypesFor(typeof(OrganoidBiomarkers.Common.TsvTable), "text/html");
