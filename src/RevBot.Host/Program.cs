using RevBot.Host.Cli;

return await RevBotCli.Create().Parse(args).InvokeAsync();
