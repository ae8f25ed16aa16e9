using Platform.DiscordEmulator;

var app = DiscordEmulatorApp.Create(args);

app.Run();
