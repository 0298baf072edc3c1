using Payung.Web;

var app = await PayungWebApp.BuildAsync(args);
await app.RunAsync();

/// <summary>Entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;
