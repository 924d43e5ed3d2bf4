using Tocsin.Controller.FanOut;

namespace Tocsin.Controller.Tests.Support;

public sealed class FakeCommandSequence : ICommandSequence
{
    public long Last { get; private set; } = 1000;

    public long NextSeq() => ++Last;
}
