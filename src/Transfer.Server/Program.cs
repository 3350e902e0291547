using Transfer.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddTransferOptions();
builder.AddTransferSilo();
builder.AddTransferApi();

var app = builder.Build();
app.UseTransferApi();
app.Run();

/// <summary>The host entry point; public for <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
