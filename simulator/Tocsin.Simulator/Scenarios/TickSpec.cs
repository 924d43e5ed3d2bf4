namespace Tocsin.Simulator.Scenarios;

/// <summary>
/// How often each node's firmware step runs in a deterministic run. Idle nodes step coarsely (the
/// firmware's timers only look at "now", and rain tips carry their own times); a node with a
/// message waiting, a connection opening or a speaker sounding steps finely.
/// </summary>
/// <param name="SensorMs">Idle step of sensor nodes.</param>
/// <param name="SpeakerMs">Idle step of loudspeaker nodes.</param>
/// <param name="ActiveMs">Step of nodes with a message waiting or a connection opening.</param>
/// <param name="SoundingMs">Step of speakers while they sequence and sound (coarser steps stretch warm-up and interlock times a little).</param>
/// <param name="SteadyMs">
/// Longest step of a speaker whose siren or clip sounds with its line proven: nothing but the siren's
/// sweep changes before the step or clip ends (it steps then), and commands wake it at once. A fault
/// in the chain while it sounds shows at its next step.
/// </param>
/// <param name="ControllerMs">
/// How long the controller takes over a round: what it sends (acknowledgements, commands) leaves at
/// most this long after the moment whose messages it took (sooner when the run needs the controller
/// idle: operator actions, faults, the world step, samples). 0 (the default) answers in the same slot; a
/// district of thousands of nodes may model a controller under load, which also lets the round run
/// beside the next slots' node steps. Above 0 the controller is busy until the round is retired, so the
/// next round begins after it and takes what arrived meanwhile. A multiple of <paramref name="ActiveMs"/>.
/// </param>
public sealed record TickSpec(int SensorMs = 1000, int SpeakerMs = 2000, int ActiveMs = 100, int SoundingMs = 100, int SteadyMs = 5000, int ControllerMs = 0);
