using Payung.Infrastructure;

namespace Payung.Programs.ListVillagesBelowTarget;

/// <summary>
/// The villages of a programme that have not reached its per-village target yet, a page at a time.
/// <c>VillageTarget</c> is null (and the page empty) when the programme has no target.
/// <c>IncludesVillagesWithoutParticipants</c> says whether villages with nobody enrolled are listed: they are when
/// the programme's region is a kecamatan or a single village; for a regency or a province only villages with
/// enrolments are (the others, hundreds of them, are better read from the coverage figures).
/// </summary>
public sealed record VillagesBelowTarget(int? VillageTarget, bool IncludesVillagesWithoutParticipants, Paged<VillageBelowTarget> Villages);

/// <summary>
/// One village under the target: <c>Participants</c> active enrolments, <c>Missing</c> how many more reach the target.
/// <c>Description</c> names its kecamatan and regency (<c>Jondong, Kalianda, Kabupaten Lampung Selatan</c>).
/// </summary>
public sealed record VillageBelowTarget(string VillageCode, string VillageName, string Description, int Participants, int Missing);
