namespace Payung.Programs.Rates;

/// <summary>The BPJS Ketenagakerjaan programmes a BPU participant can pay for (JP and JKP are not open to BPU).</summary>
internal enum ContributionComponent
{
    Jkk,
    Jkm,
    Jht,
}
