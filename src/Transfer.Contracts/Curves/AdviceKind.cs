namespace Transfer.Contracts.Curves;

/// <summary>The kind of action a piece of advice asks for.</summary>
public enum AdviceKind
{
    TooEarly,
    KeepGoing,
    TrainLonger,
    Plateau,
    StopNow,
    LowerLearningRate,
    MoreCapacity,
    MoreRegularisation,
}
