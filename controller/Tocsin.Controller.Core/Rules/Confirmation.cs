namespace Tocsin.Controller.Rules;

/// <summary>What a level needs before a rule acts on it, against single-sensor blips.</summary>
public enum Confirmation
{
    /// <summary>One reading of one sensor is enough.</summary>
    None,

    /// <summary>A sensor's two consecutive readings (event or report) are both at or above the level.</summary>
    SecondReading,

    /// <summary>Two different sensors of the rule's area are at or above the level.</summary>
    SecondSensor,
}
