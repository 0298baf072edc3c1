namespace Payung.Programs.EnrollByNik;

/// <summary>Counts per verdict, the programme's whole commitment after the request, and a verdict per row in row order.</summary>
public sealed record EnrollByNikResponse(
    int Enrolled,
    int Waiting,
    int Rejected,
    long CommittedTotal,
    IReadOnlyList<NikRowVerdict> Rows);
