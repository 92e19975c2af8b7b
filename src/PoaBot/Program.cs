using PoaBot.CommandLine;

return await Cli.RunAsync(args, Console.In, Console.Out, Console.Error);
