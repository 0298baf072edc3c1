namespace Payung.Infrastructure.Jobs;

/// <summary>Which handler runs jobs of a kind; added by <see cref="JobServices.AddJobHandler{THandler}"/>.</summary>
public sealed record JobHandlerRegistration(string Kind, Type HandlerType);
