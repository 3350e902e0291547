using Transfer.Training.Solver;

namespace Transfer.Grains.Jobs;

/// <summary>
/// Live commands for one running attempt. Commands that arrive before the executor has a trainer are kept and applied
/// when it attaches one; later ones go straight to the trainer (which applies them between steps).
/// </summary>
public sealed class TrialControl
{
    private readonly Lock _gate = new();
    private readonly List<TrialCommand> _pending = [];
    private TrainerControl? _trainer;

    /// <summary>Set once a stop was asked for: executors without a trainer check it.</summary>
    public bool StopRequested { get; private set; }

    public void Attach(TrainerControl trainer)
    {
        lock (_gate)
        {
            _trainer = trainer;
            foreach (var command in _pending)
            {
                Forward(trainer, command);
            }

            _pending.Clear();
        }
    }

    public void Apply(TrialCommand command)
    {
        lock (_gate)
        {
            StopRequested |= command.Name == "stop";
            if (_trainer is null)
            {
                _pending.Add(command);
            }
            else
            {
                Forward(_trainer, command);
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
