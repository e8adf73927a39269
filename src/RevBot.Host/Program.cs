using RevBot.Host.Cli;

return await RevBotCli.RunAsync(args);
