namespace Transfer.Search.Trials;

public enum StudyDirection
{
    Minimize,
    Maximize,
}
