namespace OrganoidBiomarkers.Pipeline;

/// <summary>
/// A --param value the pipeline refuses (unknown key, wrong type, value outside the allowed ones): a usage error whose
/// one-line message names the key, the value, the allowed values and a near match.
/// </summary>
/// <param name="message">The refusal, one line (e.g. from <see cref="PipelineParameter.Normalize"/>).</param>
public sealed class ParameterException(string message) : ArgumentException(message);
