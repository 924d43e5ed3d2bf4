using Tocsin.Controller.Alerts;
using Tocsin.Controller.Coverage;
using Tocsin.Controller.FanOut;
using Tocsin.Controller.Regions;

namespace Tocsin.Controller.Engine;

/// <summary>An alert's coverage as of "now", with what it was computed from (see <c>ControllerEngine.Coverage</c>).</summary>
/// <param name="Alert">The alert, as it stood.</param>
/// <param name="Ledger">The delivery ledger.</param>
/// <param name="LedgerVersion">The ledger's version of this alert's commands and deliveries then.</param>
/// <param name="RecordsVersion">The engine's count of node record changes then.</param>
/// <param name="Map">The region map.</param>
/// <param name="Coverage">The figures.</param>
internal sealed record CoverageNow(Alert Alert, DeliveryLedger Ledger, long LedgerVersion, long RecordsVersion, RegionMap Map, AlertCoverage Coverage);
