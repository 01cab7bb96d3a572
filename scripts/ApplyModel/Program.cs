using OrganoidBiomarkers.ApplyModel;

// Scores the samples of a genes x samples matrix with a model trained in stage 04 and splits them at the median.
// Every failure is one line and an exit code of its class (README "Exit codes"); the stack trace goes to a log.
return ApplyModelCommand.Run(args, Console.Out, Console.Error);
