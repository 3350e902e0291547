using System.Threading.Channels;
using Transfer.Contracts.Training;

namespace Transfer.Training.Solver;

/// <summary>
/// The command sink of a running <see cref="Trainer"/>: thread-safe, usable from any thread while the trainer's
/// report stream is being consumed elsewhere. Commands take effect between steps and are recorded in the curve.
/// </summary>
public sealed class TrainerControl
{
    private readonly Channel<TrainerCommand> _commands = Channel.CreateUnbounded<TrainerCommand>(new UnboundedChannelOptions { SingleReader = true });

    internal ChannelReader<TrainerCommand> Reader => _commands.Reader;

    /// <summary>Ends the run after the current step, with status <see cref="TrainingStatus.Stopped"/>.</summary>
    public void Stop() => Send(new TrainerCommand("stop"));

    /// <summary>Holds the run between steps until <see cref="Resume"/> or <see cref="Stop"/>.</summary>
    public void Pause() => Send(new TrainerCommand("pause"));

    /// <summary>Continues a paused run.</summary>
    public void Resume() => Send(new TrainerCommand("resume"));

    /// <summary>Changes <c>base_lr</c> from the next step on (the lr policy keeps applying on top of it).</summary>
    public void SetLearningRate(double baseLr) => SetSolverValue("base_lr", baseLr);

    /// <summary>Changes a solver value by its Caffe name (see <see cref="SolverConfig.SettableNames"/>).</summary>
    public void SetSolverValue(string name, double value)
    {
        if (!SolverConfig.SettableNames.Contains(name))
        {
            throw new ArgumentException($"'{name}' is not a settable solver value ({string.Join(", ", SolverConfig.SettableNames)})", nameof(name));
        }

        Send(new TrainerCommand("set", name, value));
    }

    /// <summary>
    /// Writes a checkpoint (weights, optimizer state, step, solver, curve, seed) to <paramref name="destination"/>
    /// between steps; completes when written. Works while paused. Fails if the run ends first.
    /// </summary>
    public Task CheckpointAsync(Stream destination, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(destination);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Send(new TrainerCommand("checkpoint", Destination: destination, Done: done));
        return done.Task.WaitAsync(cancellationToken);
    }

    internal void Complete() => _commands.Writer.TryComplete();

    private void Send(TrainerCommand command)
    {
        if (!_commands.Writer.TryWrite(command))
        {
            command.Done?.TrySetException(new InvalidOperationException("the run has ended"));
        }
    }
}
