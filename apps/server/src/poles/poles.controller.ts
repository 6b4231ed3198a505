import { Controller, Get } from '@nestjs/common';
import { z } from 'zod';
import { PoleChoice } from '@concerto/domain';
import { CurrentAuth, type RequestAuth } from '../common/request-auth.js';
import { Contract } from '../common/contract.js';
import { PolesService } from './poles.service.js';

@Controller('poles')
export class PolesController {
  constructor(private readonly poles: PolesService) {}

  @Get()
  @Contract({ summary: 'Poles I work on, and whether I may open a new space for each', response: z.array(PoleChoice) })
  list(@CurrentAuth() auth: RequestAuth) {
    return this.poles.listForAccount(auth.account.id);
  }
}
