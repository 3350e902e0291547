using Transfer.Contracts.Curves;
using Transfer.Contracts.Jobs;

namespace Transfer.Cli.Output;

/// <summary>One trial's line on the live board: status, last score and epoch, the judge's light and advice.</summary>
public sealed record TrialRow(int Number, TrialStatus Status, double? Score, double Epoch, TrafficLight? Light, string? Advice, bool Stopping, string? Note);
