using Transfer.Contracts.Training;
using Transfer.Training.Data;
using Transfer.Training.Modules;
using TorchSharp;
using static TorchSharp.torch;

namespace Transfer.Training.Solver;

/// <summary>Mean cross-entropy, accuracy and per-class accuracy of a model on an example set, in evaluation mode.</summary>
public static class Evaluator
{
    /// <summary>Evaluates <paramref name="model"/> on all of <paramref name="set"/>; null when the set is empty.</summary>
    public static ValidationMetrics? Evaluate(SpecModule model, IExampleSet set, int batchSize = 256, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(set);
        if (set.Count == 0)
        {
            return null;
        }

        var device = model.parameters().First().device;
        var wasTraining = model.training;
        model.SetTraining(false);
        var correct = new long[set.Classes];
        var seen = new long[set.Classes];
        double lossSum = 0;
        var predictions = new long[Math.Min(batchSize, set.Count)];
        var labels = new long[predictions.Length];
        using var batcher = new Batcher(set, predictions.Length, device);
        using (no_grad())
        {
            var positions = new int[predictions.Length];
            for (var start = 0; start < set.Count; start += positions.Length)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var n = Math.Min(positions.Length, set.Count - start);
                for (var k = 0; k < n; k++)
                {
                    positions[k] = start + k;
                }

                using var scope = NewDisposeScope();
                var (x, y) = batcher.Next(positions.AsSpan(0, n), null);
                var logits = model.call(x);
                lossSum += nn.functional.cross_entropy(logits, y, reduction: nn.Reduction.Sum).item<float>();
                var predicted = logits.argmax(1).cpu();
                predicted.data<long>().CopyTo(predictions, 0);
                for (var k = 0; k < n; k++)
                {
                    var label = set.Label(start + k);
                    seen[label]++;
                    correct[label] += predictions[k] == label ? 1 : 0;
                }
            }
        }

        model.SetTraining(wasTraining);
        var perClass = Enumerable.Range(0, set.Classes).Select(c => seen[c] > 0 ? (double)correct[c] / seen[c] : double.NaN).ToList();
        return new ValidationMetrics(lossSum / set.Count, (double)correct.Sum() / set.Count, perClass, set.Count);
    }
}
