using Microsoft.CodeAnalysis;

namespace Tocsin.Firmware.Analyzers;

/// <summary>
/// The firmware rules in one place, so ids, wording and severity stay consistent and the
/// release tracking file (AnalyzerReleases.Unshipped.md) has a single source to match.
/// </summary>
public static class Descriptors
{
    public const string Category = "Tocsin.Firmware";

    // Errors, not warnings: each of these either fails on the device or breaks the
    // deterministic, testable design, so the NanoCheck build must stop.
    public static readonly DiagnosticDescriptor NoGenerics = new(
        id: "TOC001",
        title: "Generics are not supported in firmware",
        messageFormat: "'{0}' is generic: nanoFramework has no runtime generics; use arrays, ArrayList or a custom delegate",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "nanoFramework compiles generic code but cannot load or run it on the device.");

    public static readonly DiagnosticDescriptor NoMultidimensionalArrays = new(
        id: "TOC002",
        title: "Multidimensional arrays are not supported in firmware",
        messageFormat: "'{0}' is a multidimensional array: nanoFramework does not support them; use a jagged array such as int[][]",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "nanoFramework has no runtime support for arrays of rank greater than one.");

    public static readonly DiagnosticDescriptor NoEnumToString = new(
        id: "TOC003",
        title: "Enum values must be mapped to text explicitly in firmware",
        messageFormat: "'{0}' turns an enum into text: Enum.ToString() gives the number on nanoFramework; map the value to text explicitly",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "The device has no enum metadata names, so ToString, interpolation and concatenation produce the numeric value.");

    public static readonly DiagnosticDescriptor NoWallClock = new(
        id: "TOC004",
        title: "Firmware logic must not read the wall clock or block",
        messageFormat: "'{0}' reads the clock or blocks: firmware logic takes time as an input (Tick(nowMs)); use the IClock interface",
        category: Category,
        defaultSeverity: DiagnosticSeverity.Error,
        isEnabledByDefault: true,
        description: "Logic that reads DateTime.Now, sleeps or owns a Timer cannot be driven deterministically by the simulator and tests.");
}
