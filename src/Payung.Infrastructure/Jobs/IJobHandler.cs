namespace Payung.Infrastructure.Jobs;

/// <summary>
/// Does the work of one kind of job. Registered with <see cref="JobServices.AddJobHandler{THandler}"/>
/// and resolved in a DI scope of its own whose <see cref="CallerContext"/> is the job creator's scope.
/// A handler must be restartable: a crash or a lost lease runs it again from the start, so its effects
/// commit in one transaction, ideally with <see cref="JobContext.CompleteAsync"/> inside it.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task RunAsync(JobContext context, CancellationToken ct);
}
