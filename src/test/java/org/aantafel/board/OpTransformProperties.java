package org.aantafel.board;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class OpTransformProperties {

  private static BoardState after(BoardState state, List<Op> first, List<Op> second) {
    BoardState copy = state.copy();
    copy.apply(first, Grant.FACILITATOR);
    copy.apply(second, Grant.FACILITATOR);
    return copy;
  }

  @Property
  void clientListsConvergeInBothOrders(@ForAll long seed) {
    Random random = new Random(seed);
    BoardState state = RandomOps.randomBoard(random);
    List<Op> local = new RandomOps(random, "l").ops(state, random.nextInt(8));
    List<Op> remote = new RandomOps(random, "r").ops(state, random.nextInt(8));
    List<List<Op>> primes = OpTransform.transformClient(local, remote);
    assertEquals(after(state, local, primes.get(1)).toMap(), after(state, remote, primes.get(0)).toMap());
  }

  @Property
  void serverEndsWhereTheSubmittingClientEnds(@ForAll long seed) {
    Random random = new Random(seed);
    BoardState state = RandomOps.randomBoard(random);
    List<Op> incoming = new RandomOps(random, "l").ops(state, random.nextInt(8));
    List<Op> committed = new RandomOps(random, "r").ops(state, random.nextInt(8));
    BoardState server = after(state, committed, OpTransform.transformIncoming(incoming, committed));
    BoardState client = after(state, incoming, OpTransform.transformClient(incoming, committed).get(1));
    assertEquals(client.toMap(), server.toMap());
  }

  @Property
  void transformingOverNothingChangesNothing(@ForAll long seed) {
    Random random = new Random(seed);
    BoardState state = RandomOps.randomBoard(random);
    List<Op> ops = new RandomOps(random, "l").ops(state, random.nextInt(8));
    assertEquals(ops, OpTransform.transformIncoming(ops, List.of()));
    assertEquals(List.of(ops, List.of()), OpTransform.transformClient(ops, List.of()));
    assertEquals(List.of(List.of(), ops), OpTransform.transformClient(List.of(), ops));
  }
}
