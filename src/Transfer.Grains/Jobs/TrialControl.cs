using Transfer.Training.Solver;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Live commands for one running attempt. Commands that arrive before the executor has a trainer are kept and applied
/// when it attaches its trainers; later ones go straight to them (which apply them between steps). A k-fold trial
/// attaches one trainer per fold, and every command reaches all of them. A stop is final: trainers attached after it (a
/// refit after the folds) are stopped as they attach.
/// </summary>
public sealed class TrialControl
{
    private readonly Lock _gate = new();
    private readonly List<TrialCommand> _pending = [];
    private TrainerControl[] _trainers = [];

    /// <summary>Set once a stop was asked for: executors without a trainer check it.</summary>
    public bool StopRequested { get; private set; }

    public void Attach(params TrainerControl[] trainers)
    {
        lock (_gate)
        {
            _trainers = trainers;
            if (StopRequested)
            {
                Array.ForEach(trainers, t => t.Stop());
            }

            foreach (var command in _pending)
            {
                Array.ForEach(trainers, t => Forward(t, command));
            }

            _pending.Clear();
        }
    }

    public void Apply(TrialCommand command)
    {
        lock (_gate)
        {
            StopRequested |= command.Name == "stop";
            if (_trainers.Length == 0)
            {
                _pending.Add(command);
            }
            else
            {
                Array.ForEach(_trainers, t => Forward(t, command));
            }
        }
    }

    private static void Forward(TrainerControl trainer, TrialCommand command)
    {
        switch (command.Name)
        {
            case "stop":
                trainer.Stop();
                break;
            case "pause":
                trainer.Pause();
                break;
            case "resume":
                trainer.Resume();
                break;
            default:
                trainer.SetSolverValue(command.Name, command.Value ?? throw new ArgumentException($"'{command.Name}' needs a value."));
                break;
        }
    }
}
