namespace Payung.Programs.EnrollWorkers;

/// <summary>
/// A funded month this transaction meant to insert was taken by another programme's transaction that committed
/// after our overlap check: the primary key kept the data right, and the request is run again.
/// </summary>
internal sealed class FundingRaceException() : Exception("A funded month was taken by a concurrent enrolment.");
