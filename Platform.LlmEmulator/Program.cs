using Platform.LlmEmulator;

var app = LlmEmulatorApp.Create(args);

app.Run();
