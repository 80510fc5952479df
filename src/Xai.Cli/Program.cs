return Xai.Cli.XaiCommandLine.Run(args, Console.Out, Console.Error);
