using OrganoidBiomarkers.Bench;
using OrganoidBiomarkers.Cli;

// Usage: scripts/bench/run [proximity|ssgsea ...] [--data-mirror DIR] [--quick]   (--help lists the options)
// Every failure is one line and an exit code of its class (README "Exit codes"); the stack trace goes to a log.
return await BenchCommand.RunAsync(args, Console.Out, Console.Error);
