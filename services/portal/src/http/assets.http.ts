import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Response } from 'express';
import { join } from 'node:path';
import { Public } from '@regie/nest-kit';

/** Stylesheets: the Rijkshuisstijl community CSS and design tokens from node_modules, and the portal's own few rules. */
const ASSETS: Record<string, string> = {
  'rhc/components.css': require.resolve('@rijkshuisstijl-community/components-css/dist/index.css'),
  'rhc/design-tokens.css': require.resolve('@rijkshuisstijl-community/design-tokens/dist/index.css'),
  'portal.css': join(__dirname, '../assets/portal.css'),
};

@ApiExcludeController()
@Public() // the portal checks its own session; the API it calls checks the user's token
@Controller('assets')
export class AssetsController {
  @Get('rhc/:file')
  rhc(@Param('file') file: string, @Res() res: Response) {
    this.send(`rhc/${file}`, res);
  }

  @Get(':file')
  own(@Param('file') file: string, @Res() res: Response) {
    this.send(file, res);
  }

  private send(name: string, res: Response): void {
    const path = ASSETS[name];
    if (!path) throw new NotFoundException();
    res.set({ 'Content-Type': 'text/css; charset=utf-8', 'X-Content-Type-Options': 'nosniff' });
    res.sendFile(path, { maxAge: '1h' });
  }
}
