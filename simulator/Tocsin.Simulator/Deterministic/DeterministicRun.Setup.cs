using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using Tocsin.Controller.Engine;
using Tocsin.Controller.Nodes;
using Tocsin.Simulator.Scenarios;
using Tocsin.Simulator.World;

namespace Tocsin.Simulator.Deterministic;

/// <summary>Setup: the controller started, every node registered, built, given its site and provisioned.</summary>
public sealed partial class DeterministicRun
{
    private void Setup()
    {
        _controller.Start();
        AttachEngine();
        string? failure = RegisterAndProvision(_controller.Engine);
        if (failure != null)
        {
            throw new InvalidOperationException(failure);
        }

        _network.NodeReceived += (node, _, _) => _scheduler.At(_byId[node].Index, _now, _now);
        _network.NodeLinkDropped += node => Wake(_byId[node]);
        _network.NodePublished += OnNodePublished;
        int idleMax = Math.Max(_scenario.Tick.SensorMs, _scenario.Tick.SpeakerMs);
        foreach (SimulatedNode node in _nodes)
        {
            node.LastTickMs = ProvisionMs;

            // Stagger first steps so ten thousand nodes do not all wake in one slot.
            _scheduler.At(node.Index, ProvisionMs + (node.Index * 37 % idleMax), ProvisionMs);
        }
    }

    private const long ProvisionMs = 1000;

    /// <summary>
    /// Registers every planned node with the controller (on this thread: the engine is single-threaded),
    /// builds it and provisions it with its bundle; returns the first refusal, or null. Registering is
    /// about half of setup's work at 10,000 nodes and provisioning the other half: while this thread
    /// registers, the other cores provision the nodes already registered, and it joins them at the end
    /// (with one thread, or fewer than <see cref="RunOptions.ParallelFromNodes"/> nodes, it provisions them after).
    /// Each node's provisioning uses only that node, so the order they finish in changes nothing.
    /// </summary>
    private string? RegisterAndProvision(ControllerEngine engine)
    {
        int count = _plan.Nodes.Count;
        var bundles = new string[count];
        var failures = new string?[count];
        int threads = _options.Parallel ? _options.NodeThreads ?? Environment.ProcessorCount : 1;
        var provisionErrors = new Exception?[count];
        using var registered = new BlockingCollection<SimulatedNode>();
        var helpers = new List<Task>();

        // Every thread is joined whatever fails, so none outlives the queue, and nothing thrown is lost.
        var thrown = new List<Exception>();
        string? refusal = null;
        try
        {
            if (threads > 1 && count >= _options.ParallelFromNodes)
            {
                for (int t = 1; t < threads; t++)
                {
                    helpers.Add(Task.Factory.StartNew(() => ProvisionRegistered(registered, bundles, failures, provisionErrors), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
                }
            }

            refusal = RegisterAll(engine, registered, bundles);
        }
        catch (Exception e)
        {
            thrown.Add(e);
        }

        // On a refusal the threads provision what was registered before it and stop.
        registered.CompleteAdding();
        ProvisionRegistered(registered, bundles, failures, provisionErrors);
        try
        {
            Task.WaitAll(helpers);
        }
        catch (AggregateException e)
        {
            thrown.AddRange(e.InnerExceptions);
        }

        // In node order, not the order threads met them, so a failing setup fails the same way every run.
        thrown.AddRange(provisionErrors.OfType<Exception>());
        if (thrown.Count == 1)
        {
            ExceptionDispatchInfo.Throw(thrown[0]);
        }

        if (thrown.Count > 1)
        {
            throw new AggregateException("setting up the simulated district failed", thrown);
        }

        return refusal ?? failures.FirstOrDefault(f => f != null);
    }

    // Registers and builds each planned node in order, handing it to the provisioning threads; returns
    // the controller's first refusal, or null.
    private string? RegisterAll(ControllerEngine engine, BlockingCollection<SimulatedNode> registered, string[] bundles)
    {
        var network = new NetworkSettings("tocsin-sim", "simulated-network", "broker.sim", 1883);
        for (int i = 0; i < _plan.Nodes.Count; i++)
        {
            PlannedNode p = _plan.Nodes[i];
            var (stored, errors) = engine.Register(new NodeRegistration(p.Id, p.IsSensor ? NodeKind.Sensor : NodeKind.Broadcast, p.Community, null, "simulated", p.CoveredPopulation), [], "simulator");
            if (stored == null)
            {
                return "the controller refused node " + p.Id + ": " + string.Join("; ", errors);
            }

            var (bundle, bundleErrors) = engine.IssueBundle(p.Id, network, rotateKey: false, "simulator");
            if (bundle == null)
            {
                return "no bundle for " + p.Id + ": " + string.Join("; ", bundleErrors);
            }

            bundles[i] = bundle;
            var node = new SimulatedNode(i, p, _startUtcMs, unchecked((_seed * 7919) + i));
            _nodes.Add(node);
            _byId[p.Id] = node;
            if (p.IsSensor)
            {
                PlaceBasin(node);
            }

            registered.Add(node);
        }

        return null;
    }

    // Provisions registered nodes until registering ends and none are left (one of several threads),
    // keeping what a node's provisioning throws under its index and going on with the rest.
    private void ProvisionRegistered(BlockingCollection<SimulatedNode> registered, string[] bundles, string?[] failures, Exception?[] errors)
    {
        foreach (SimulatedNode node in registered.GetConsumingEnumerable())
        {
            try
            {
                failures[node.Index] = Provision(node, bundles[node.Index]);
            }
            catch (Exception e)
            {
                errors[node.Index] = e;
            }
        }
    }

    private string? Provision(SimulatedNode node, string bundle)
    {
        node.Node.PowerOn();
        node.Node.Type(ProvisioningBundle.ConsoleCommand + bundle);
        for (int i = 0; i < 50; i++)
        {
            node.Node.Tick(10);
        }

        string answer = node.Node.Console.TakeOutput();
        if (!answer.Contains("is complete", StringComparison.Ordinal))
        {
            return node.Plan.Id + " refused its bundle: " + answer.Trim();
        }

        IEnumerable<KeyValuePair<string, string>> settings = _scenario.Nodes.Settings
            .Concat(node.Plan.IsSensor ? _scenario.Nodes.SensorSettings : _scenario.Nodes.SpeakerSettings);
        foreach (var (name, value) in settings)
        {
            node.Node.Type("config set " + name + " " + value);
            for (int i = 0; i < 5; i++)
            {
                node.Node.Tick(10);
            }

            string reply = node.Node.Console.TakeOutput();
            if (!reply.Contains(name + " = ", StringComparison.Ordinal))
            {
                return node.Plan.Id + " refused setting " + name + "=" + value + ": " + reply.Trim();
            }
        }

        // Provisioning took exactly ProvisionMs of the node's clock.
        long used = (50 + (5 * settings.Count())) * 10L;
        node.Node.Tick(ProvisionMs - used);
        return null;
    }

    // Gives a sensor node its low point (before it is provisioned, so its first readings see the site).
    private void PlaceBasin(SimulatedNode node)
    {
        SiteSpec? site = node.Plan.Id.EndsWith("-1", StringComparison.Ordinal) ? _scenario.Sites.FirstOrDefault(s => s.Community == node.Plan.Community) : null;
        if (site != null)
        {
            node.Basin = new LowPointBasin(site.CatchmentRatio, site.Runoff, site.DrainMmPerMinute, site.MaxDepthMm);
        }
        else
        {
            // Low points differ: catchment and drains vary from site to site (seeded, so runs repeat).
            var random = new Random(unchecked(_seed + (node.Index * 104729)));
            node.Basin = LowPointBasin.Typical(random.Next(0, 5), random.Next(0, 5));
        }

        var conditions = new SiteConditions();
        node.Sensor!.Site = conditions;
        _sites.Add(new SimulatedSite(node.Plan.XKm, node.Plan.YKm, node.Basin, conditions));
    }
}
