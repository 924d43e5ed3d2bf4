using System;
using System.Linq;
using Microsoft.VisualStudio.TestTools.UnitTesting;
using Tocsin.Firmware.Delivery;

namespace Tocsin.Firmware.Tests.Delivery;

/// <summary>
/// The slot table's scans stop once they have seen every held slot; random fills and frees (held
/// slots after free ones, slots set twice or freed twice) are checked against a plain array.
/// </summary>
[TestClass]
public sealed class OutboxSlotTableTests
{
    [TestMethod]
    public void Scans_that_stop_after_the_held_slots_answer_as_a_full_scan_would()
    {
        var random = new Random(20261206);
        var table = new OutboxSlotTable(40);
        long[] reference = new long[40];
        long next = 1;
        for (int step = 0; step < 20_000; step++)
        {
            int slot = random.Next(40);
            int action = random.Next(6);
            if (action < 2)
            {
                table.Clear(slot);
                reference[slot] = 0;
            }
            else if (action == 2)
            {
                // Setting 0 frees the slot too.
                table.Set(slot, 0, 0);
                reference[slot] = 0;
            }
            else
            {
                table.Set(slot, next, 0);
                reference[slot] = next++;
            }

            // Mostly among the held numbers (the recent ones), sometimes below or above them all.
            long limit = Math.Max(0, next - random.Next(60));
            Assert.AreEqual(reference.Count(s => s != 0), table.Held, "held, step " + step);
            Assert.AreEqual(reference.Count(s => s != 0 && s <= limit), table.CountAtOrBelow(limit), "count at or below, step " + step);
            long[] above = reference.Where(s => s > limit).ToArray();
            int found = table.FindMinAbove(limit);
            Assert.AreEqual(above.Length == 0 ? -1 : Array.IndexOf(reference, above.Min()), found, "min above, step " + step);
            Assert.AreEqual(Array.IndexOf(reference, 0L), table.FindFree(), "first free, step " + step);
        }
    }
}
