namespace Transfer.Contracts.Curves;

/// <summary>The seed's traffic light: green = fine, yellow = look at it, red = act now.</summary>
public enum TrafficLight
{
    Green,
    Yellow,
    Red,
}
